package io.github.atstrust.examples;

/** The client matrix for AWS_SDK_DYNAMODB_APACHE. */
class AwsSdkDynamoDbApacheTrustTest extends ClientMatrixContract {

    @Override
    HttpsClient client() {
        return RealClients.AWS_SDK_DYNAMODB_APACHE;
    }
}
