package il.co.voicely.core.mail;

import il.co.voicely.core.db.Database;
import java.time.Clock;
import java.util.Optional;

/**
 * Sends e-mail. {@link SmtpMailer} hands it to an SMTP server; {@link OutboxMailer} keeps it in the
 * database for admins to read when no server is configured, so no message is ever silently dropped.
 *
 * <pre>{@code
 * Mailer mailer = Mailer.configured(smtpSettingsFromEnvironment, db, Clock.systemUTC());
 * mailer.send(MailMessage.of("dana@example.com", "Welcome", "…"));
 * }</pre>
 */
public interface Mailer {

    /**
     * Delivers {@code message} or fails loudly.
     *
     * @throws MailDeliveryException when the message could not be handed over
     */
    void send(MailMessage message);

    /**
     * SMTP when settings are present, otherwise the database outbox. With SMTP, a message the server
     * refuses is also kept in the outbox with its error (then the exception is rethrown), so an admin
     * can still find it.
     */
    static Mailer configured(Optional<SmtpSettings> smtp, Database db, Clock clock) {
        OutboxMailer outbox = new OutboxMailer(db, clock);
        return smtp.<Mailer>map(settings -> {
            SmtpMailer server = new SmtpMailer(settings);
            return message -> {
                try {
                    server.send(message);
                } catch (MailDeliveryException e) {
                    outbox.keepFailed(message, e.getMessage());
                    throw e;
                }
            };
        }).orElse(outbox);
    }
}
