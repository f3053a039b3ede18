package io.github.atstrust.examples;

/** The client matrix for NETTY. */
class NettyTrustTest extends ClientMatrixContract {

    @Override
    HttpsClient client() {
        return RealClients.NETTY;
    }
}
