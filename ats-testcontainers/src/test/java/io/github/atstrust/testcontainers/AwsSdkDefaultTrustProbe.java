package io.github.atstrust.testcontainers;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Run inside a container's JVM: DynamoDB {@code ListTables} with the AWS SDK v2's {@code ApacheHttpClient} and
 * its {@code AwsCrtHttpClient}, both with their default trust, in the same JVM. Prints, per client,
 * {@code === NAME EXIT} and the exception chain's words, for the kit to classify.
 */
public final class AwsSdkDefaultTrustProbe {

    private AwsSdkDefaultTrustProbe() {
    }

    public static void main(String[] args) {
        URI endpoint = URI.create(args[0]);
        call("aws-sdk-apache", ApacheHttpClient.create(), endpoint);
        call("aws-sdk-crt", AwsCrtHttpClient.create(), endpoint);
    }

    private static void call(String name, SdkHttpClient http, URI endpoint) {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_3)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDATSTRUSTKITTEST", "test-only-secret")))
                .httpClient(http).overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(15))).build()) {
            dynamo.listTables();
            System.out.println("=== " + name + " 0");
        } catch (RuntimeException e) {
            System.out.println("=== " + name + " 1");
            for (Throwable t = e; t != null; t = t.getCause()) {
                System.out.println(t);
            }
        } finally {
            http.close();
        }
    }
}
