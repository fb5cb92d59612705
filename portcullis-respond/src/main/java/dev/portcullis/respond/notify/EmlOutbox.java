package dev.portcullis.respond.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The dry run: each letter is written to {@code DIR/<message id>.eml} (RFC 822, openable in any mail
 * client) instead of being sent. Written to a temporary file and moved into place, so a file that
 * exists is whole.
 */
public final class EmlOutbox implements Outbox {
    private final Path dir;
    private final Session session = Session.getInstance(new Properties());

    public EmlOutbox(Path dir) {
        this.dir = dir;
    }

    @Override
    public void send(Letter letter) throws DeliveryFailure {
        String name = letter.messageId().replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".portcullis-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                letter.toMime(session).writeTo(out);
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw new DeliveryFailure("cannot write " + dir.resolve(name) + ": " + e.getMessage(), false, e);
        }
    }

    @Override
    public String describe() {
        return "dry run into " + dir;
    }
}
