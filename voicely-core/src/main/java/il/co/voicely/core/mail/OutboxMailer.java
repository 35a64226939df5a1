package il.co.voicely.core.mail;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps mail in the {@code outbox_mail} table instead of sending it, for installations without SMTP:
 * admins read it on the outbox page ({@link #list}), so a verification link is never lost.
 */
public final class OutboxMailer implements Mailer {

    private final Database db;
    private final Clock clock;

    public OutboxMailer(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores the message as {@code system} (the outbox is not any user's to write). */
    @Override
    public void send(MailMessage message) {
        store(message, 0, null);
    }

    /** Keeps a message an SMTP server refused, with the reason, for an admin to see. */
    void keepFailed(MailMessage message, String error) {
        store(message, 1, error);
    }

    private void store(MailMessage message, int attempts, String error) {
        Objects.requireNonNull(message, "message");
        try {
            db.useContext(SessionContext.system(), h -> h.createUpdate("""
                            insert into outbox_mail (to_address, user_id, subject, body_text, created_at, attempts, error)
                            values (:to, :userId, :subject, :text, :at, :attempts, :error)
                            """)
                    .bind("to", message.to())
                    .bind("userId", message.userId().orElse(null))
                    .bind("subject", message.subject())
                    .bind("text", message.text())
                    .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .bind("attempts", attempts)
                    .bind("error", error)
                    .execute());
        } catch (RuntimeException e) {
            throw new MailDeliveryException("Could not store mail to " + message.to() + " in the outbox: " + e.getMessage(), e);
        }
    }

    /**
     * The newest stored messages, read as {@code context}: admins see them all, anyone else none (RLS).
     *
     * @param limit  at most this many (1..500)
     * @param offset skipping this many newer ones
     */
    public List<OutboxMail> list(SessionContext context, int limit, int offset) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw new IllegalArgumentException("limit 1..500 and offset ≥ 0: limit=" + limit + ", offset=" + offset);
        }
        return db.inContext(context, h -> h.createQuery("""
                        select id, to_address, user_id, subject, body_text, created_at, sent_at, error
                        from outbox_mail order by created_at desc, id limit :limit offset :offset
                        """)
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> new OutboxMail(
                        rs.getObject("id", UUID.class),
                        rs.getString("to_address"),
                        Optional.ofNullable(rs.getObject("user_id", UUID.class)),
                        rs.getString("subject"),
                        rs.getString("body_text"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("sent_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                        Optional.ofNullable(rs.getString("error"))))
                .list());
    }
}
