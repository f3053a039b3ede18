package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import io.github.atstrust.testkit.probe.HandshakeOutcome;
import io.github.atstrust.testkit.probe.RejectionReason;
import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.server.AtsServers;
import io.github.atstrust.testkit.trust.TrustProfile;
import io.github.atstrust.testkit.trust.TrustProfiles;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB guide's "long delay before your software receives an error", measured: the AWS SDK v2 DynamoDB
 * client with its default retry and timeout settings retries a refused chain and a stalled handshake, so the
 * error arrives only after every attempt. Attempts are counted by an interceptor (one call per attempt), not
 * timed; the figures in the README come from the same runs ({@code ClientsReport} prints them).
 */
class AwsSdkRetryDelayTest {

    /** The default retry strategy of the DynamoDB client (SDK 2.x, no retry mode configured): 1 + 8 retries. */
    private static final int DEFAULT_DYNAMODB_ATTEMPTS = 9;
    private static final Duration STALL_LIMIT = Duration.ofMillis(500);

    private static AtsServers servers;
    private static final TrustProfile ALL_ATS = TrustProfiles.byId(TrustProfiles.ALL_ATS);

    @BeforeAll
    static void startTheBadServers() {
        servers = AtsServers.builder().only(Set.of("untrusted-root", "stalled-handshake")).stallLimit(STALL_LIMIT).start();
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void withDefaultSettingsAnUntrustedChainIsTriedNineTimesBeforeTheErrorArrives() {
        Attempts attempts = listTables(servers.endpoint("untrusted-root"), o -> { });

        assertThat(attempts.outcome).isRejectedBecause(RejectionReason.UNTRUSTED_ROOT);
        assertThat(attempts.count.get()).isEqualTo(DEFAULT_DYNAMODB_ATTEMPTS);
        ClientsReport.note("aws-sdk retries", "aws-sdk-dynamodb-apache",
                "untrusted-root, default settings: " + attempts.count + " attempts, error after " + attempts.outcome.elapsed().toMillis() + " ms");
    }

    @Test
    void withDefaultSettingsAStalledHandshakeIsTriedNineTimesEachWaitingForTheServer() {
        Attempts attempts = listTables(servers.endpoint("stalled-handshake"), o -> { });

        assertThat(attempts.outcome.noVerdictDescription().orElse("")).as("the stalling server hung up on every attempt: %s", attempts.outcome)
                .startsWith("the server closed the connection before the handshake completed");
        assertThat(attempts.count.get()).isEqualTo(DEFAULT_DYNAMODB_ATTEMPTS);
        assertThat(attempts.outcome.elapsed()).as("every attempt waited for the server to give up")
                .isGreaterThanOrEqualTo(STALL_LIMIT.multipliedBy(DEFAULT_DYNAMODB_ATTEMPTS));
        ClientsReport.note("aws-sdk retries", "aws-sdk-dynamodb-apache",
                "stalled-handshake (server gives up after " + STALL_LIMIT.toMillis() + " ms), default settings: "
                        + attempts.count + " attempts, " + attempts.outcome.describe());
    }

    @Test
    void anAttemptTimeoutWithoutRetriesEndsAStalledHandshakeAfterOneAttemptAsATimeout() {
        Attempts attempts = listTables(servers.endpoint("stalled-handshake"), o -> o
                .retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallAttemptTimeout(Duration.ofMillis(200)));

        assertThat(attempts.outcome).isRejectedBecause(RejectionReason.TIMEOUT);
        assertThat(attempts.count.get()).isEqualTo(1);
        ClientsReport.note("aws-sdk retries", "aws-sdk-dynamodb-apache",
                "stalled-handshake, doNotRetry + apiCallAttemptTimeout 200 ms: 1 attempt, " + attempts.outcome.describe());
    }

    @Test
    void anApiCallTimeoutBoundsTheWholeCallWhateverTheRetries() {
        Attempts attempts = listTables(servers.endpoint("stalled-handshake"), o -> o.apiCallTimeout(Duration.ofMillis(1200)));

        assertThat(attempts.outcome).isRejectedBecause(RejectionReason.TIMEOUT);
        assertThat(attempts.count.get()).as("attempts started before the call timed out")
                .isBetween(1, DEFAULT_DYNAMODB_ATTEMPTS - 1);
        ClientsReport.note("aws-sdk retries", "aws-sdk-dynamodb-apache",
                "stalled-handshake, apiCallTimeout 1200 ms: " + attempts.count + " attempts, " + attempts.outcome.describe());
    }

    @Test
    void aRetryStrategyWithFewerAttemptsShortensTheWaitForAnUntrustedChain() {
        Attempts attempts = listTables(servers.endpoint("untrusted-root"), o -> o
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build()));

        assertThat(attempts.outcome).isRejectedBecause(RejectionReason.UNTRUSTED_ROOT);
        assertThat(attempts.count.get()).isEqualTo(2);
    }

    /** One {@code ListTables} call with the client's defaults, trusting all fake anchors, plus {@code overrides}. */
    private static Attempts listTables(AtsEndpoint endpoint, Consumer<ClientOverrideConfiguration.Builder> overrides) {
        Attempts attempts = new Attempts();
        try (SdkHttpClient http = ApacheHttpClient.builder()
                .tlsTrustManagersProvider(() -> new TrustManager[] {ALL_ATS.trustManager()}).build();
             DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint.uri()).region(Region.EU_WEST_3)
                     .credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("AKIDATSTRUSTKITTEST", "test-only-secret")))
                     .httpClient(http)
                     .overrideConfiguration(o -> overrides.accept(o.addExecutionInterceptor(attempts))).build()) {
            attempts.outcome = endpoint.probe(dynamo::listTables);
        }
        return attempts;
    }

    /** Counts the attempts of one call: the SDK calls {@code beforeTransmission} once per attempt. */
    private static final class Attempts implements ExecutionInterceptor {
        final AtomicInteger count = new AtomicInteger();
        HandshakeOutcome outcome;

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            count.incrementAndGet();
        }

        @Override
        public String toString() {
            return String.valueOf(count.get());
        }
    }
}
