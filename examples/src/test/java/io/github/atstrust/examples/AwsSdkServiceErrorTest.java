package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import io.github.atstrust.junit.AtsProfile;
import io.github.atstrust.junit.AtsScenario;
import io.github.atstrust.junit.RequiresAtsTrust;
import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.TrustProfile;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * An HTTP error after a good handshake is still an acceptance (the Alexa guide's point): the chain was trusted,
 * the service answered. The kit's servers answer DynamoDB operations other than ListTables with an error.
 */
@RequiresAtsTrust
class AwsSdkServiceErrorTest {

    @Test
    @SuppressWarnings("deprecation") // RetryPolicy.none(): one attempt, the matrix's own setting
    void dynamoDbErrorAnswerAfterAGoodHandshakeIsAnAcceptance(@AtsScenario("ats-root-ca-1") AtsEndpoint endpoint,
                                                              @AtsProfile("all-ats") TrustProfile allAts) {
        try (SdkHttpClient http = ApacheHttpClient.builder()
                .tlsTrustManagersProvider(() -> new TrustManager[] {allAts.trustManager()}).build();
             DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint.uri()).region(Region.EU_WEST_3)
                     .credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("AKIDATSTRUSTKITTEST", "test-only-secret")))
                     .httpClient(http).overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {

            HandshakeOutcome outcome = endpoint.probe(() -> dynamo.describeTable(b -> b.tableName("missing")));

            assertThat(outcome.thrown().orElseThrow()).isInstanceOf(DynamoDbException.class);
            assertThat(outcome).isAccepted();
        }
    }
}
