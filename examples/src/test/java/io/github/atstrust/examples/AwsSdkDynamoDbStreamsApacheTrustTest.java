package io.github.atstrust.examples;

/** The client matrix for AWS_SDK_DYNAMODB_STREAMS_APACHE: the Streams API the DynamoDB guide names. */
class AwsSdkDynamoDbStreamsApacheTrustTest extends ClientMatrixContract {

    @Override
    HttpsClient client() {
        return RealClients.AWS_SDK_DYNAMODB_STREAMS_APACHE;
    }
}
