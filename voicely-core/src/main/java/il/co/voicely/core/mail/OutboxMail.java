package il.co.voicely.core.mail;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A message kept in the outbox, as an admin sees it.
 *
 * @param error why the SMTP server refused it, when it was kept after a failed send
 */
public record OutboxMail(UUID id, String to, Optional<UUID> userId, String subject, String text, Instant createdAt,
                         Optional<Instant> sentAt, Optional<String> error) {
}
