package io.github.atstrust.examples;

/** The client matrix for HTTPS_URL_CONNECTION. */
class HttpsUrlConnectionTrustTest extends ClientMatrixContract {

    @Override
    HttpsClient client() {
        return RealClients.HTTPS_URL_CONNECTION;
    }
}
