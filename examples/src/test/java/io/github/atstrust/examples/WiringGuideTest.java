package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import io.github.atstrust.junit.AtsCase;
import io.github.atstrust.junit.AtsTrustMatrix;
import io.github.atstrust.junit.RequiresAtsTrust;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManager;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The JUnit guide's wiring of each client (docs/junit.md shows each method body between its markers word for
 * word, {@link DocsTest} checks it): the ACM chain since 2024 and an untrusted root, each judged as declared.
 */
@RequiresAtsTrust
class WiringGuideTest {

    @AtsTrustMatrix(scenarios = {"ats-acm-2024", "untrusted-root"})
    void jdkHttpClient(AtsCase c) {
        // DOC:jdk
        HttpClient client = HttpClient.newBuilder().sslContext(c.profile().sslContext()).build();
        HttpRequest request = HttpRequest.newBuilder(c.endpoint().uri()).build();
        assertThat(c.probe(() -> client.send(request, BodyHandlers.ofString()))).matches(c.expectation());
        // DOC:end
    }

    @AtsTrustMatrix(scenarios = {"ats-acm-2024", "untrusted-root"})
    void okHttp(AtsCase c) {
        // DOC:okhttp
        okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder()
                .sslSocketFactory(c.profile().sslSocketFactory(), c.profile().trustManager()).build();
        okhttp3.Request request = new okhttp3.Request.Builder().url(c.endpoint().uri().toString()).build();
        assertThat(c.probe(() -> {
            try (okhttp3.Response response = client.newCall(request).execute()) {
                return response.body().string();
            }
        })).matches(c.expectation());
        // DOC:end
    }

    @AtsTrustMatrix(scenarios = {"ats-acm-2024", "untrusted-root"})
    void apacheHttpClient5(AtsCase c) throws Exception {
        // DOC:apache
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(c.profile().sslContext())).build())
                .build()) {
            assertThat(c.probe(() -> client.execute(new HttpGet(c.endpoint().uri()),
                    response -> EntityUtils.toString(response.getEntity())))).matches(c.expectation());
        }
        // DOC:end
    }

    @AtsTrustMatrix(scenarios = {"ats-acm-2024", "untrusted-root"})
    void jettyHttpClient(AtsCase c) throws Exception {
        // DOC:jetty
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setSslContext(c.profile().sslContext());
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient(
                new HttpClientTransportDynamic(connector));
        client.start();
        try {
            assertThat(c.probe(() -> client.GET(c.endpoint().uri()))).matches(c.expectation());
        } finally {
            client.stop();
        }
        // DOC:end
    }

    @AtsTrustMatrix(scenarios = {"ats-acm-2024", "untrusted-root"})
    void netty(AtsCase c) throws Exception {
        // DOC:netty
        SslContext tls = SslContextBuilder.forClient().trustManager(c.profile().trustManager())
                .endpointIdentificationAlgorithm("HTTPS").build();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            assertThat(c.probe(() -> {
                Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                        .handler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel ch) {
                                ch.pipeline().addLast(tls.newHandler(ch.alloc(), c.endpoint().hostname(), c.endpoint().port()));
                            }
                        }).connect(c.endpoint().hostname(), c.endpoint().port()).sync().channel();
                try {
                    return channel.pipeline().get(SslHandler.class).handshakeFuture().get(5, TimeUnit.SECONDS);
                } finally {
                    channel.close();
                }
            })).matches(c.expectation());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        // DOC:end
    }

    @AtsTrustMatrix(scenarios = {"ats-acm-2024", "untrusted-root"})
    void awsSdkV2(AtsCase c) {
        // DOC:aws-sdk
        SdkHttpClient http = ApacheHttpClient.builder()
                .tlsTrustManagersProvider(() -> new TrustManager[] {c.profile().trustManager()}).build();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(c.endpoint().uri()).region(Region.EU_WEST_3)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
                .httpClient(http).build()) {
            assertThat(c.probe(dynamo::listTables)).matches(c.expectation());   // an AWS error answer is still "accepted"
        }
        // DOC:end
    }
}
