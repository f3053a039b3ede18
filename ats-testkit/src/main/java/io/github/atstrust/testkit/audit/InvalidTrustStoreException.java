package io.github.atstrust.testkit.audit;

/** A trust store that cannot be read; the message names the file and what to do about it. */
class InvalidTrustStoreException extends IllegalArgumentException {

    InvalidTrustStoreException(String message) {
        super(message);
    }

    InvalidTrustStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
