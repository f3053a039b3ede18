package io.github.atstrust.examples;

/** The client matrix for OKHTTP. */
class OkHttpTrustTest extends ClientMatrixContract {

    @Override
    HttpsClient client() {
        return RealClients.OKHTTP;
    }
}
