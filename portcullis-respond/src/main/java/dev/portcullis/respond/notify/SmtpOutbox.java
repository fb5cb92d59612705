package dev.portcullis.respond.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends letters over SMTP with Jakarta Mail (Angus): STARTTLS required by default, AUTH when a user is
 * configured, one connection per letter (notifications are few; no idle connection to go stale).
 *
 * <p>Failures are sorted for the at-most-once guarantee (see {@link Notifier}): not connecting, or a
 * refusal by the server ({@link SendFailedException}: a sender, recipient or message refused with an
 * SMTP error) is definite — nothing was delivered; any other error during the transfer may have
 * come after the server took the message, so it is reported as handed over. Error messages are the
 * server's reply or the exception's class, never the password (Jakarta Mail does not put it in them).
 */
public final class SmtpOutbox implements Outbox {
    private static final Logger log = LoggerFactory.getLogger(SmtpOutbox.class);
    private final NotifyConfig config;
    private final Session session;

    public SmtpOutbox(NotifyConfig config) {
        this.config = config;
        Properties p = new Properties();
        p.put("mail.smtp.host", config.smtpHost());
        p.put("mail.smtp.port", String.valueOf(config.smtpPort()));
        p.put("mail.smtp.starttls.enable", String.valueOf(config.starttls() != NotifyConfig.Starttls.OFF));
        p.put("mail.smtp.starttls.required", String.valueOf(config.starttls() == NotifyConfig.Starttls.REQUIRED));
        p.put("mail.smtp.auth", String.valueOf(config.smtpUser() != null));
        String ms = String.valueOf(config.smtpTimeout().toMillis());
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        this.session = Session.getInstance(p);
    }

    @Override
    public void send(Letter letter) throws DeliveryFailure {
        MimeMessage m;
        try {
            m = letter.toMime(session);
        } catch (MessagingException e) {
            throw new DeliveryFailure("cannot build the message to " + letter.to() + ": " + e.getMessage(), false, e);
        }
        Transport t;
        try {
            t = session.getTransport("smtp");
            t.connect(config.smtpHost(), config.smtpPort(), config.smtpUser(), config.smtpPassword());
        } catch (MessagingException e) {
            throw new DeliveryFailure("cannot connect to " + describe() + ": " + reason(e), false, e);
        }
        try {
            t.sendMessage(m, m.getAllRecipients());
        } catch (SendFailedException e) {
            throw new DeliveryFailure(describe() + " refused the message to " + letter.to() + ": " + reason(e), false, e);
        } catch (MessagingException e) {
            throw new DeliveryFailure("the transfer to " + describe() + " broke off; the message may have arrived: "
                    + reason(e), true, e);
        } finally {
            try {
                t.close();
            } catch (MessagingException e) {
                // the message was accepted (sendMessage returned) or the failure is reported above
                log.debug("closing the connection to {} failed: {}", describe(), e.getMessage());
            }
        }
    }

    private static String reason(MessagingException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.strip();
    }

    @Override
    public String describe() {
        return "smtp://" + config.smtpHost() + ":" + config.smtpPort();
    }
}
