package io.github.atstrust.testkit;

import io.github.atstrust.testkit.server.AtsEndpoint;
import io.github.atstrust.testkit.trust.TrustProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;

/**
 * Jakarta Mail (Eclipse Angus) configured as the SES SMTP guide's users configure it: TLS required (STARTTLS on
 * {@code smtp}, TLS wrapper mode on {@code smtps}), the server identity checked, the socket factory from the
 * profile, and no fallback to the JVM's default socket factory (Jakarta Mail's default retries a failed TLS
 * connection with it: the rejection's reason is then the JVM trust's, and a store that should refuse may accept).
 */
public final class JakartaMailClient {

    private JakartaMailClient() {
    }

    /** Sends one message to a kit mail endpoint; throws what Jakarta Mail throws. */
    public static Object send(AtsEndpoint endpoint, TrustProfile trust, Duration timeout) throws MessagingException {
        String protocol = endpoint.scheme();
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".host", endpoint.hostname());
        properties.put("mail." + protocol + ".port", String.valueOf(endpoint.port()));
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        properties.put("mail." + protocol + ".ssl.socketFactory", trust.sslContext().getSocketFactory());
        properties.put("mail." + protocol + ".socketFactory.fallback", "false");
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(timeout.toMillis()));
        properties.put("mail." + protocol + ".timeout", String.valueOf(timeout.toMillis()));
        if (protocol.equals("smtp")) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("sender@example.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("recipient@example.test"));
        message.setSubject("ATS Trust Kit mail scenario");
        message.setText("test only");
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
        return "sent";
    }
}
