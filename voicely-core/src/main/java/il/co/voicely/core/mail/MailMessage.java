package il.co.voicely.core.mail;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A plain-text e-mail to one address.
 *
 * @param to      the recipient, stored lower-cased
 * @param userId  the account it concerns, if any (kept with outbox copies)
 * @param subject one line
 * @param text    the body, UTF-8 plain text
 */
public record MailMessage(String to, Optional<UUID> userId, String subject, String text) {

    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        to = to.strip().toLowerCase(Locale.ROOT);
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a mail subject is one line: '" + subject + "'");
        }
    }

    /** A message about no particular account. */
    public static MailMessage of(String to, String subject, String text) {
        return new MailMessage(to, Optional.empty(), subject, text);
    }
}
