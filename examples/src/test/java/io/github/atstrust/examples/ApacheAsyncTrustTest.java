package io.github.atstrust.examples;

/** The client matrix for APACHE_ASYNC. */
class ApacheAsyncTrustTest extends ClientMatrixContract {

    @Override
    HttpsClient client() {
        return RealClients.APACHE_ASYNC;
    }
}
