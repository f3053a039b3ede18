package io.github.atstrust.examples;

import io.github.atstrust.testkit.trust.TrustProfile;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.TrustManager;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * The JVM clients our users ship, each given trust through its own API (an {@code SSLContext} or trust
 * manager from the profile) with host name verification left on, as its documentation shows.
 */
@SuppressWarnings("deprecation") // the SDK's ApacheHttpClient: still what most SDK users configure
enum RealClients implements HttpsClient {

    JDK_HTTP_CLIENT("jdk-httpclient") {
        @Override
        public Session open(TrustProfile profile, Duration timeout) {
            HttpClient client = HttpClient.newBuilder().sslContext(profile.sslContext()).connectTimeout(timeout).build();
            return session(uri -> client.send(HttpRequest.newBuilder(uri).timeout(timeout).build(), BodyHandlers.ofString()),
                    () -> { });
        }
    },
    HTTPS_URL_CONNECTION("jdk-httpsurlconnection") {
        @Override
        public Session open(TrustProfile profile, Duration timeout) {
            var sockets = profile.sslContext().getSocketFactory();
            return session(uri -> {
                HttpsURLConnection connection = (HttpsURLConnection) uri.toURL().openConnection();
                connection.setSSLSocketFactory(sockets);
                connection.setConnectTimeout((int) timeout.toMillis());
                connection.setReadTimeout((int) timeout.toMillis());
                try (InputStream body = connection.getInputStream()) {
                    body.readAllBytes();
                }
                return connection;
            }, () -> { });
        }
    },
    OKHTTP("okhttp") {
        @Override
        public Session open(TrustProfile profile, Duration timeout) {
            okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder()
                    .sslSocketFactory(profile.sslSocketFactory(), profile.trustManager())
                    .connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout.multipliedBy(2)).build();
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
    APACHE_CLASSIC("apache-httpclient5-classic") {
        @Override
        public Session open(TrustProfile profile, Duration timeout) {
            CloseableHttpClient client = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder
                            .create().setTlsSocketStrategy(new DefaultClientTlsStrategy(profile.sslContext()))
                            .setDefaultConnectionConfig(connectionConfig(timeout))
                            .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(Timeout.of(timeout)).build())
                            .build())
                    .disableAutomaticRetries().build();
            return session(uri -> client.execute(new HttpGet(uri), response -> EntityUtils.toString(response.getEntity())),
                    client::close);
        }
    },
    APACHE_ASYNC("apache-httpclient5-async") {
        @Override
        public Session open(TrustProfile profile, Duration timeout) {
            TlsStrategy tls = new DefaultClientTlsStrategy(profile.sslContext());
            CloseableHttpAsyncClient client = HttpAsyncClients.custom().setConnectionManager(
                    PoolingAsyncClientConnectionManagerBuilder.create().setTlsStrategy(tls)
                            .setDefaultConnectionConfig(connectionConfig(timeout))
                            .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(Timeout.of(timeout))
                                    .setVersionPolicy(HttpVersionPolicy.NEGOTIATE).build())
                            .build()).build();
            client.start();
            return session(uri -> {
                SimpleHttpResponse response = client.execute(SimpleRequestBuilder.get(uri).build(), null)
                        .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
                return response.getBodyText();
            }, client::close);
        }
    },
    JETTY_CLIENT("jetty-httpclient") {
        @Override
        public Session open(TrustProfile profile, Duration timeout) throws Exception {
            SslContextFactory.Client tls = new SslContextFactory.Client();
            tls.setSslContext(profile.sslContext());
            ClientConnector connector = new ClientConnector();
            connector.setSslContextFactory(tls);
            connector.setConnectTimeout(timeout);
            org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient(
                    new HttpClientTransportDynamic(connector));
            client.start();
            return session(uri -> {
                ContentResponse response = client.newRequest(uri).timeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS).send();
                return response.getContentAsString();
            }, client::stop);
        }
    },
    NETTY("netty") {
        @Override
        public Session open(TrustProfile profile, Duration timeout) throws Exception {
            SslContext tls = SslContextBuilder.forClient().trustManager(profile.trustManager())
                    .endpointIdentificationAlgorithm("HTTPS").build();
            EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
            return session(uri -> nettyGet(group, tls, uri, timeout), () -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS));
        }
    },
    AWS_SDK_DYNAMODB_APACHE("aws-sdk-dynamodb-apache") {
        @Override
        public Session open(TrustProfile profile, Duration timeout) {
            return dynamoDb(apache(profile, timeout), timeout);
        }
    },
    AWS_SDK_DYNAMODB_URL_CONNECTION("aws-sdk-dynamodb-urlconnection") {
        @Override
        public Session open(TrustProfile profile, Duration timeout) {
            return dynamoDb(UrlConnectionHttpClient.builder().tlsTrustManagersProvider(() -> new TrustManager[] {profile.trustManager()})
                    .connectionTimeout(timeout).socketTimeout(timeout).build(), timeout);
        }
    },
    AWS_SDK_DYNAMODB_STREAMS_APACHE("aws-sdk-dynamodb-streams-apache") {
        @Override
        public Session open(TrustProfile profile, Duration timeout) {
            SdkHttpClient http = apache(profile, timeout);
            return session(uri -> {
                try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(uri)
                        .region(Region.EU_WEST_3).credentialsProvider(CREDENTIALS).httpClient(http)
                        .overrideConfiguration(noRetries(timeout)).build()) {
                    return streams.listStreams().streams();
                }
            }, http::close);
        }
    },
    AWS_SDK_S3_APACHE("aws-sdk-s3-apache") {
        @Override
        public Session open(TrustProfile profile, Duration timeout) {
            SdkHttpClient http = apache(profile, timeout);
            return session(uri -> {
                try (S3Client s3 = S3Client.builder().endpointOverride(uri).forcePathStyle(true).region(Region.EU_WEST_3)
                        .credentialsProvider(CREDENTIALS).httpClient(http).overrideConfiguration(noRetries(timeout)).build()) {
                    return s3.getObjectAsBytes(GetObjectRequest.builder().bucket("s3-ats-migration-test").key("test.jpg")
                            .build()).asByteArray();
                }
            }, http::close);
        }
    };

    /** Fake credentials: the kit's servers do not check signatures, and nothing here reaches AWS. */
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDATSTRUSTKITTEST", "test-only-secret"));

    private final String id;

    RealClients(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    static List<HttpsClient> all() {
        return List.of(values());
    }

    interface Get {
        Object get(URI uri) throws Exception;
    }

    interface Close {
        void close() throws Exception;
    }

    /** A session of {@code get}, closed by {@code close}: how both client enums make theirs. */
    static Session session(Get get, Close close) {
        return new Session() {
            @Override
            public Object get(URI uri) throws Exception {
                return get.get(uri);
            }

            @Override
            public void close() throws Exception {
                close.close();
            }
        };
    }

    private static ConnectionConfig connectionConfig(Duration timeout) {
        return ConnectionConfig.custom().setConnectTimeout(Timeout.of(timeout)).setSocketTimeout(Timeout.of(timeout)).build();
    }

    /** One attempt, bounded: the matrix wants the client's own verdict, not the SDK's retries. */
    private static ClientOverrideConfiguration noRetries(Duration timeout) {
        return ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none())
                .apiCallTimeout(timeout.multipliedBy(2)).build();
    }

    /** The SDK's Apache client trusting exactly the profile, bounded by {@code timeout}. */
    private static SdkHttpClient apache(TrustProfile profile, Duration timeout) {
        return ApacheHttpClient.builder().tlsTrustManagersProvider(() -> new TrustManager[] {profile.trustManager()})
                .connectionTimeout(timeout).socketTimeout(timeout).build();
    }

    private static Session dynamoDb(SdkHttpClient http, Duration timeout) {
        return session(uri -> {
            try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(uri).region(Region.EU_WEST_3)
                    .credentialsProvider(CREDENTIALS).httpClient(http).overrideConfiguration(noRetries(timeout)).build()) {
                return dynamo.listTables().tableNames();
            }
        }, http::close);
    }

    static Object nettyGet(EventLoopGroup group, SslContext tls, URI uri, Duration timeout) throws Exception {
        CompletableFuture<String> body = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        SslHandler ssl = tls.newHandler(channel.alloc(), uri.getHost(), uri.getPort());
                        ssl.setHandshakeTimeoutMillis(timeout.toMillis());
                        channel.pipeline().addLast(ssl, new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                                new SimpleChannelInboundHandler<FullHttpResponse>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
                                        body.complete(response.content().toString(StandardCharsets.UTF_8));
                                        context.close();
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
                                        body.completeExceptionally(cause);
                                        context.close();
                                    }
                                });
                    }
                });
        var channel = bootstrap.connect(uri.getHost(), uri.getPort()).sync().channel();
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri.getRawPath());
        request.headers().set(HttpHeaderNames.HOST, uri.getHost() + ":" + uri.getPort());
        channel.writeAndFlush(request);
        try {
            return body.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            channel.close();
        }
    }
}
