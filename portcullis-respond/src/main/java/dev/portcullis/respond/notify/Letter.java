package dev.portcullis.respond.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * One e-mail, plain text. {@code messageId} is derived from the delivery's key, so a receiving system
 * (or a person) can tell a copy from a new message even in the unlikely case of a duplicate.
 */
public record Letter(String from, String to, String subject, String body, String messageId, Instant date) {

    /** The MIME message: UTF-8 plain text, our Message-ID kept (Jakarta Mail would otherwise make its own). */
    MimeMessage toMime(Session session) throws MessagingException {
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        m.setFrom(new InternetAddress(from, true));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        m.setSubject(subject, StandardCharsets.UTF_8.name());
        m.setText(body, StandardCharsets.UTF_8.name());
        m.setSentDate(Date.from(date));
        m.setHeader("Auto-Submitted", "auto-generated");
        m.saveChanges();
        return m;
    }
}
