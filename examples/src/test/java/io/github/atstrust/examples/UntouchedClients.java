package io.github.atstrust.examples;

import static io.github.atstrust.examples.RealClients.CREDENTIALS;
import static io.github.atstrust.examples.RealClients.session;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
import io.github.atstrust.examples.HttpsClient.Session;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.jetty.client.ContentResponse;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * The JVM clients our users ship, built as production builds them: <strong>no trust configuration at all</strong>
 * (no SSLContext, trust manager, store or socket factory), only timeouts, the endpoint and, for the AWS SDKs,
 * fake credentials and no retries. Whatever they trust comes from the JVM's default, which
 * {@code ats.defaultTrust=mirrored} makes the mirror of itself. {@link #readsJvmDefault()} says which do.
 */
@SuppressWarnings("deprecation") // the SDK's ApacheHttpClient: still what most SDK users run
enum UntouchedClients {

    JDK_HTTP_CLIENT("jdk-httpclient", true) {
        @Override
        Session open(Duration timeout) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
            return session(uri -> client.send(HttpRequest.newBuilder(uri).timeout(timeout).build(), BodyHandlers.ofString()),
                    () -> { });
        }
    },
    HTTPS_URL_CONNECTION("jdk-httpsurlconnection", true) {
        @Override
        Session open(Duration timeout) {
            return session(uri -> {
                var connection = uri.toURL().openConnection();
                connection.setConnectTimeout((int) timeout.toMillis());
                connection.setReadTimeout((int) timeout.toMillis());
                try (InputStream body = connection.getInputStream()) {
                    return body.readAllBytes().length;
                }
            }, () -> { });
        }
    },
    OKHTTP("okhttp", true) {
        @Override
        Session open(Duration timeout) {
            okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout)
                    .callTimeout(timeout.multipliedBy(2)).build();
            return session(uri -> {
                try (okhttp3.Response response = client.newCall(new okhttp3.Request.Builder().url(uri.toURL()).build()).execute()) {
                    return response.body().string();
                }
            }, () -> {
                client.dispatcher().executorService().shutdown();
                client.connectionPool().evictAll();
            });
        }
    },
    APACHE_CLASSIC("apache-httpclient5-classic", true) {
        @Override
        Session open(Duration timeout) {
            CloseableHttpClient client = HttpClients.custom().setDefaultRequestConfig(requestConfig(timeout))
                    .disableAutomaticRetries().build();
            return session(uri -> client.execute(new HttpGet(uri), response -> EntityUtils.toString(response.getEntity())),
                    client::close);
        }
    },
    APACHE_CLASSIC_SYSTEM("apache-httpclient5-system", true) {
        @Override
        Session open(Duration timeout) {
            CloseableHttpClient client = HttpClients.createSystem();
            return session(uri -> client.execute(new HttpGet(uri), response -> EntityUtils.toString(response.getEntity())),
                    client::close);
        }
    },
    APACHE_ASYNC("apache-httpclient5-async", true) {
        @Override
        Session open(Duration timeout) {
            CloseableHttpAsyncClient client = HttpAsyncClients.custom().setDefaultRequestConfig(requestConfig(timeout)).build();
            client.start();
            return session(uri -> client.execute(SimpleRequestBuilder.get(uri).build(), null)
                    .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS).getBodyText(), client::close);
        }
    },
    JETTY_CLIENT("jetty-httpclient", true) {
        @Override
        Session open(Duration timeout) throws Exception {
            org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient();
            client.setConnectTimeout(timeout.toMillis());
            client.start();
            return session(uri -> {
                ContentResponse response = client.newRequest(uri).timeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS).send();
                return response.getContentAsString();
            }, client::stop);
        }
    },
    NETTY("netty", true) {
        @Override
        Session open(Duration timeout) throws Exception {
            var tls = io.netty.handler.ssl.SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build();
            var group = new io.netty.channel.MultiThreadIoEventLoopGroup(1, io.netty.channel.nio.NioIoHandler.newFactory());
            return session(uri -> RealClients.nettyGet(group, tls, uri, timeout),
                    () -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS));
        }
    },
    AWS_SDK_DYNAMODB_APACHE("aws-sdk-dynamodb-apache", true) {
        @Override
        Session open(Duration timeout) {
            return dynamoDb(ApacheHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build(), timeout);
        }
    },
    AWS_SDK_DYNAMODB_URL_CONNECTION("aws-sdk-dynamodb-urlconnection", true) {
        @Override
        Session open(Duration timeout) {
            return dynamoDb(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build(), timeout);
        }
    },
    AWS_SDK_S3_APACHE("aws-sdk-s3-apache", true) {
        @Override
        Session open(Duration timeout) {
            SdkHttpClient http = ApacheHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build();
            return session(uri -> {
                try (S3Client s3 = S3Client.builder().endpointOverride(uri).forcePathStyle(true).region(Region.EU_WEST_3)
                        .credentialsProvider(CREDENTIALS).httpClient(http).overrideConfiguration(noRetries(timeout)).build()) {
                    return s3.getObjectAsBytes(GetObjectRequest.builder().bucket("s3-ats-migration-test").key("test.jpg")
                            .build()).asByteArray();
                }
            }, http::close);
        }
    },
    AWS_SDK_V1_DYNAMODB("aws-sdk-v1-dynamodb", true) {
        @Override
        Session open(Duration timeout) {
            return session(uri -> {
                AmazonDynamoDB client = AmazonDynamoDBClientBuilder.standard()
                        .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("AKIDATSTRUSTKITTEST",
                                "test-only-secret")))
                        .withClientConfiguration(new ClientConfiguration().withMaxErrorRetry(0)
                                .withConnectionTimeout((int) timeout.toMillis()).withSocketTimeout((int) timeout.toMillis()))
                        .withEndpointConfiguration(new EndpointConfiguration(uri.toString(), "eu-west-3")).build();
                try {
                    return client.listTables().getTableNames();
                } finally {
                    client.shutdown();
                }
            }, () -> { });
        }
    },
    /** Reads the OS CA bundle through its own TLS (s2n on Linux), never the JVM's trust. */
    AWS_SDK_DYNAMODB_CRT("aws-sdk-dynamodb-crt", false) {
        @Override
        Session open(Duration timeout) {
            return dynamoDb(AwsCrtHttpClient.builder().connectionTimeout(timeout)
                    .connectionAcquisitionTimeout(timeout.multipliedBy(2)).build(), timeout);
        }
    };

    private final String id;
    private final boolean readsJvmDefault;

    UntouchedClients(String id, boolean readsJvmDefault) {
        this.id = id;
        this.readsJvmDefault = readsJvmDefault;
    }

    /** A client with no trust settings that gives up after {@code timeout}. */
    abstract Session open(Duration timeout) throws Exception;

    String id() {
        return id;
    }

    /** Whether the client takes its trust from the JVM's default (measured: see UntouchedClientsTest). */
    boolean readsJvmDefault() {
        return readsJvmDefault;
    }

    private static RequestConfig requestConfig(Duration timeout) {
        return RequestConfig.custom().setConnectionRequestTimeout(Timeout.of(timeout)).setResponseTimeout(Timeout.of(timeout))
                .build();
    }

    private static ClientOverrideConfiguration noRetries(Duration timeout) {
        return ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).apiCallTimeout(timeout.multipliedBy(3))
                .build();
    }

    private static Session dynamoDb(SdkHttpClient http, Duration timeout) {
        return session(uri -> {
            try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(uri).region(Region.EU_WEST_3)
                    .credentialsProvider(CREDENTIALS).httpClient(http).overrideConfiguration(noRetries(timeout)).build()) {
                return dynamo.listTables().tableNames();
            }
        }, http::close);
    }
}
