package io.github.atstrust.examples;

/** The client matrix for APACHE_CLASSIC. */
class ApacheClassicTrustTest extends ClientMatrixContract {

    @Override
    HttpsClient client() {
        return RealClients.APACHE_CLASSIC;
    }
}
