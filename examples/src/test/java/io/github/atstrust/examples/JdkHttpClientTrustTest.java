package io.github.atstrust.examples;

/** The client matrix for JDK_HTTP_CLIENT. */
class JdkHttpClientTrustTest extends ClientMatrixContract {

    @Override
    HttpsClient client() {
        return RealClients.JDK_HTTP_CLIENT;
    }
}
