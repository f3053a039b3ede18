package io.github.atstrust.examples;

/** The client matrix for JETTY_CLIENT. */
class JettyClientTrustTest extends ClientMatrixContract {

    @Override
    HttpsClient client() {
        return RealClients.JETTY_CLIENT;
    }
}
