package io.github.atstrust.cli;

import io.github.atstrust.testkit.live.LiveEndpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The TLS part of an SMTP session, as {@code openssl s_client -starttls smtp} does it: greeting, EHLO, STARTTLS
 * (or TLS from the first byte for {@code smtps}), then the JDK's handshake with the given trust, SNI and the
 * host name check for the endpoint's own name; then EHLO inside TLS and QUIT. No mail is sent.
 */
final class MailProbe {

    private MailProbe() {
    }

    /** Returns the TLS session; throws what the handshake (or the server) threw. */
    static Object connect(LiveEndpoint endpoint, SSLContext trust, InetSocketAddress target, Duration timeout)
            throws IOException {
        Socket tcp = new Socket();
        try {
            tcp.connect(target, (int) timeout.toMillis());
            tcp.setSoTimeout((int) timeout.toMillis());
            boolean startTls = endpoint.uri().getScheme().equals("smtp");
            if (startTls) {
                Conversation plain = new Conversation(tcp);
                plain.expect("220");
                plain.command("EHLO ats-trust-kit.invalid", "250");
                plain.command("STARTTLS", "220");
            }
            SSLSocket tls = (SSLSocket) trust.getSocketFactory().createSocket(tcp, endpoint.host(), endpoint.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setServerNames(java.util.List.of(new SNIHostName(endpoint.host())));
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            Conversation secure = new Conversation(tls);
            if (!startTls) {
                secure.expect("220");
            }
            secure.command("EHLO ats-trust-kit.invalid", "250");
            secure.command("QUIT", "221");
            tls.close();
            return tls.getSession();
        } finally {
            tcp.close();
        }
    }

    /** Reads SMTP replies (multi-line too) and checks their codes. */
    private static final class Conversation {
        private final BufferedReader in;
        private final OutputStream out;

        Conversation(Socket socket) throws IOException {
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            this.out = socket.getOutputStream();
        }

        void command(String line, String expected) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(expected);
        }

        void expect(String code) throws IOException {
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    throw new java.io.EOFException("the SMTP server closed the connection, expecting " + code);
                }
            } while (line.length() > 3 && line.charAt(3) == '-');
            if (!line.startsWith(code)) {
                throw new IOException("the SMTP server answered '" + line + "', expecting " + code);
            }
        }
    }
}
