package io.github.atstrust.examples;

/** The client matrix for AWS_SDK_S3_APACHE. */
class AwsSdkS3ApacheTrustTest extends ClientMatrixContract {

    @Override
    HttpsClient client() {
        return RealClients.AWS_SDK_S3_APACHE;
    }
}
