package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import io.github.atstrust.junit.AtsCase;
import io.github.atstrust.junit.AtsTrustMatrix;
import io.github.atstrust.junit.RequiresAtsTrust;
import io.github.atstrust.junit.ScenarioSource;
import io.github.atstrust.testkit.pki.FakeCa;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.scenario.Scenario;
import io.github.atstrust.testkit.scenario.ScenarioCatalogue;
import java.net.InetAddress;
import java.net.URI;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The JUnit guide's own-scenarios example (docs/junit.md, checked by {@link DocsTest}): chains issued to the real
 * DynamoDB host name, served on loopback, judged by the SDK verifying that name.
 */
// DOC:my-service
@RequiresAtsTrust(scenarios = MyServiceTrustTest.DynamoDbChains.class)
class MyServiceTrustTest {

    static final String DYNAMODB = "dynamodb.eu-west-3.amazonaws.com";

    /** The ACM chain as DynamoDB sends it, and the same chain for another name: what a client must refuse. */
    public static class DynamoDbChains implements ScenarioSource {
        @Override
        public ScenarioCatalogue scenarios() {
            return ScenarioCatalogue.of(java.util.List.of(
                    Scenario.builder("dynamodb-acm").description("the ACM chain for DynamoDB in eu-west-3")
                            .leafFor(DYNAMODB).issuedBy(FakeCa.AMAZON_RSA_2048_M01)
                            .sends(FakeCa.AMAZON_RSA_2048_M01, FakeCa.AMAZON_ROOT_CA_1_CROSS_G2)
                            .leadsTo(FakeCa.AMAZON_ROOT_CA_1, FakeCa.STARFIELD_SERVICES_ROOT_G2).build(),
                    Scenario.builder("dynamodb-wrong-name").description("the same chain issued to S3's name")
                            .leafFor("s3.eu-west-3.amazonaws.com").issuedBy(FakeCa.AMAZON_RSA_2048_M01)
                            .sends(FakeCa.AMAZON_RSA_2048_M01, FakeCa.AMAZON_ROOT_CA_1_CROSS_G2)
                            .leadsTo(FakeCa.AMAZON_ROOT_CA_1, FakeCa.STARFIELD_SERVICES_ROOT_G2)
                            .rejectedBecause(RejectionReason.HOSTNAME_MISMATCH).build()));
        }
    }

    @AtsTrustMatrix(profiles = {"mirrored", "starfield-class-2", "amazon-root-ca-1"})
    void dynamoDbByItsRealNameIsJudgedAsDeclared(AtsCase c) {
        SdkHttpClient http = ApacheHttpClient.builder()            // the real name, resolved to the kit's loopback server
                .dnsResolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()})
                .tlsTrustManagersProvider(() -> new TrustManager[] {c.profile().trustManager()}).build();
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create("https://" + DYNAMODB + ":" + c.endpoint().port()))
                .region(Region.EU_WEST_3)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
                .httpClient(http).build()) {
            assertThat(c.probe(dynamo::listTables)).matches(c.expectation());
        }
    }
}
// DOC:end
