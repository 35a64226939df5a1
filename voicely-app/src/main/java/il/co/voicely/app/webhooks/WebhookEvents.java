package il.co.voicely.app.webhooks;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The raw webhook log ({@code webhook_events}): every verified delivery is written here before it is
 * acknowledged, so nothing a provider hands us is lost if processing fails, and the unique
 * (provider, external id) key turns a redelivery into a no-op.
 */
final class WebhookEvents {

    /** One stored delivery, as its processing job reads it. */
    record Stored(long id, String provider, byte[] rawBody, boolean processed) {
    }

    private final Database db;
    private final Clock clock;

    WebhookEvents(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Stores a delivery whose signature was checked. Neither Meta nor Cal.com sends an event id, so the
     * external id is the SHA-256 of the body: a redelivery of the same bytes is the same event.
     *
     * @return the new row's id, or empty when this exact event is already stored
     */
    Optional<Long> store(String provider, byte[] rawBody) {
        return db.inContext(SessionContext.system(), h -> h.createQuery("""
                        insert into webhook_events (provider, external_id, raw_body, signature_valid, received_at)
                        values (:provider, :externalId, :body, true, :at)
                        on conflict (provider, external_id) do nothing
                        returning id""")
                .bind("provider", provider).bind("externalId", sha256(rawBody)).bind("body", rawBody)
                .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .mapTo(Long.class).findOne());
    }

    Optional<Stored> find(long id) {
        return db.inContext(SessionContext.system(), h -> h.createQuery(
                        "select id, provider, raw_body, processed_at is not null as processed from webhook_events where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Stored(rs.getLong("id"), rs.getString("provider"), rs.getBytes("raw_body"), rs.getBoolean("processed")))
                .findOne());
    }

    void markProcessed(long id, String eventType) {
        db.useContext(SessionContext.system(), h -> h.createUpdate("""
                        update webhook_events set processed_at = :at, event_type = :type, attempts = attempts + 1, error = null
                         where id = :id""")
                .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).bind("type", eventType).bind("id", id)
                .execute());
    }

    void markFailed(long id, String error) {
        db.useContext(SessionContext.system(), h -> h.createUpdate(
                        "update webhook_events set attempts = attempts + 1, error = :error where id = :id")
                .bind("error", error).bind("id", id).execute());
    }

    /** Events stored but never processed and older than a minute: their job was lost (a crash between insert and schedule). */
    List<Long> stranded() {
        return db.inContext(SessionContext.system(), h -> h.createQuery("""
                        select id from webhook_events
                         where processed_at is null and received_at < :before and attempts < 10
                         order by received_at limit 500""")
                .bind("before", OffsetDateTime.ofInstant(clock.instant().minusSeconds(60), ZoneOffset.UTC))
                .mapTo(Long.class).list());
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
