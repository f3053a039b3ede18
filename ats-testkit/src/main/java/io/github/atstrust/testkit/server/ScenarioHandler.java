package io.github.atstrust.testkit.server;

import io.github.atstrust.testkit.pki.FakeCa;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What the servers answer. On a scenario's TLS port, like the AWS test endpoints: {@code /} →
 * {@code healthy: <host>}, {@code /test.jpg} (and S3's path-style {@code /<bucket>/test.jpg}) → a green check
 * mark, and DynamoDB's {@code ListTables} → no tables, so AWS SDK clients complete a call. On the plain-HTTP port: the index page,
 * {@code /crl/<ca>.crl}, {@code /ca/<ca>.cer} (caIssuers: the CA's certificate as served) and the OCSP responder at {@code /ocsp} (POST, or GET with the base64 request).
 */
final class ScenarioHandler extends Handler.Abstract {

    static final String SCENARIO_HEADER = "X-ATS-Scenario";
    static final String PROTOCOL_HEADER = "X-ATS-Protocol";
    private static final byte[] GREEN_CHECK = resource("green-check.jpg");
    private static final String AMZ_TARGET = "X-Amz-Target";
    private static final String DYNAMODB_JSON = "application/x-amz-json-1.0";
    /** S3 path-style GetObject of the migration guide's object: {@code /<bucket>/test.jpg}. */
    private static final java.util.regex.Pattern S3_TEST_OBJECT = java.util.regex.Pattern.compile("/[a-z0-9.-]+/test\\.jpg");

    private final Map<Connector, AtsEndpoint> endpoints;
    private final Connector plain;
    private final RevocationResponder revocation;
    private final PublishedCas cas;
    private final java.util.function.Supplier<String> index;
    private volatile byte[] indexBytes;

    /** The index page is drawn on its first request, not at start: a server started for a test rarely shows it. */
    ScenarioHandler(Map<Connector, AtsEndpoint> endpoints, Connector plain, RevocationResponder revocation,
                    PublishedCas cas, java.util.function.Supplier<String> index) {
        this.endpoints = Map.copyOf(endpoints);
        this.plain = plain;
        this.revocation = revocation;
        this.cas = cas;
        this.index = index;
    }

    private byte[] index() {
        byte[] page = indexBytes;
        if (page == null) {
            synchronized (this) {
                if (indexBytes == null) {
                    indexBytes = index.get().getBytes(StandardCharsets.UTF_8);
                }
                page = indexBytes;
            }
        }
        return page;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connector connector = request.getConnectionMetaData().getConnector();
        String path = request.getHttpURI().getPath();
        if (connector == plain) {
            return handlePlain(request, response, callback, path);
        }
        AtsEndpoint endpoint = endpoints.get(connector);
        response.getHeaders().put(SCENARIO_HEADER, endpoint.id());
        response.getHeaders().put(PROTOCOL_HEADER, request.getConnectionMetaData().getProtocol() + " over " + tlsProtocol(request));
        String target = request.getHeaders().get(AMZ_TARGET);
        if (target != null) {
            answerDynamoDb(request, response, callback, target);
        } else if (path.equals("/")) {
            send(response, callback, "text/plain; charset=utf-8",
                    ("healthy: " + Request.getServerName(request)).getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/test.jpg") || S3_TEST_OBJECT.matcher(path).matches()) {
            send(response, callback, "image/jpeg", GREEN_CHECK);
        } else {
            notFound(response, callback);
        }
        return true;
    }

    /**
     * Just enough DynamoDB for an AWS SDK client to complete a call: {@code ListTables} and the Streams API's
     * {@code ListStreams} answer an empty list, any other operation the error DynamoDB gives for an unknown
     * operation.
     */
    private static void answerDynamoDb(Request request, Response response, Callback callback, String target)
            throws IOException {
        if (body(request, response, callback) == null) {
            return;
        }
        if (target.equals("DynamoDB_20120810.ListTables")) {
            send(response, callback, DYNAMODB_JSON, "{\"TableNames\":[]}".getBytes(StandardCharsets.UTF_8));
        } else if (target.equals("DynamoDBStreams_20120810.ListStreams")) {
            send(response, callback, DYNAMODB_JSON, "{\"Streams\":[]}".getBytes(StandardCharsets.UTF_8));
        } else {
            respond(response, callback, HttpStatus.BAD_REQUEST_400, DYNAMODB_JSON,
                    ("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\",\"message\":\"the ATS Trust Kit "
                            + "answers only ListTables and ListStreams\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private boolean handlePlain(Request request, Response response, Callback callback, String path) throws IOException {
        if (path.equals("/")) {
            send(response, callback, "text/html; charset=utf-8", index());
        } else if (path.startsWith("/crl/") && path.endsWith(".crl")) {
            String ca = path.substring("/crl/".length(), path.length() - ".crl".length());
            try {
                send(response, callback, "application/pkix-crl", revocation.crl(FakeCa.byId(ca)));
            } catch (IllegalArgumentException unknown) {
                notFound(response, callback);
            }
        } else if (path.startsWith("/ca/") && path.endsWith(".cer")) {
            String ca = path.substring("/ca/".length(), path.length() - ".cer".length());
            try {
                send(response, callback, "application/pkix-cert", cas.certificate(FakeCa.byId(ca)).getEncoded());
            } catch (IllegalArgumentException unknown) {
                notFound(response, callback);
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IOException("cannot encode the certificate of " + ca, e);
            }
        } else if (path.equals("/ocsp") && HttpMethod.POST.is(request.getMethod())) {
            byte[] body = body(request, response, callback);
            if (body != null) {
                send(response, callback, "application/ocsp-response", revocation.ocsp(body));
            }
        } else if (path.startsWith("/ocsp/")) {
            String encoded = URLDecoder.decode(request.getHttpURI().getPath().substring("/ocsp/".length()), StandardCharsets.UTF_8);
            byte[] ocspRequest;
            try {
                ocspRequest = Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException notBase64) {
                ocspRequest = new byte[0]; // answered malformedRequest, as RFC 6960 says, and nothing logged
            }
            send(response, callback, "application/ocsp-response", revocation.ocsp(ocspRequest));
        } else {
            notFound(response, callback);
        }
        return true;
    }

    /** The most a request body may hold: an OCSP request is about 100 bytes, a DynamoDB ListTables call less. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** The request's body, or {@code null} after answering 413 when it is over {@link #MAX_BODY_BYTES}. */
    private static byte[] body(Request request, Response response, Callback callback) throws IOException {
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            respond(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, "text/plain; charset=utf-8",
                    ("request body over " + MAX_BODY_BYTES + " bytes\n").getBytes(StandardCharsets.UTF_8));
            return null;
        }
        return body;
    }

    private static String tlsProtocol(Request request) {
        return request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData tls
                ? tls.sslSession().getProtocol() : "plain";
    }

    private static void send(Response response, Callback callback, String contentType, byte[] body) {
        respond(response, callback, HttpStatus.OK_200, contentType, body);
    }

    private static void notFound(Response response, Callback callback) {
        respond(response, callback, HttpStatus.NOT_FOUND_404, "text/plain; charset=utf-8",
                "not found\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ScenarioHandler.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the ats-testkit jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("resource " + name + " could not be read", e);
        }
    }
}
