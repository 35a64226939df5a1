package il.co.voicely.integrations.calcom;

import com.fasterxml.jackson.databind.JsonNode;
import il.co.voicely.integrations.internal.Hmac;
import il.co.voicely.integrations.internal.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The receiving side of Cal.com webhooks: the {@code X-Cal-Signature-256} check and parsing into
 * {@link CalComEvent}s. Pure functions, no I/O.
 *
 * <pre>{@code
 * CalComWebhook webhook = new CalComWebhook(System.getenv("VOICELY_CALCOM_WEBHOOK_SECRET"));
 * if (!webhook.isSignatureValid(rawBody, request.header("X-Cal-Signature-256"))) return 401;
 * switch (webhook.parse(rawBody)) { case CalComEvent.BookingCreated created -> ...; default -> ... }
 * }</pre>
 */
public final class CalComWebhook {

    private final String secret;

    /** @param secret the secret configured on the Cal.com webhook */
    public CalComWebhook(String secret) {
        this.secret = Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty: an unsigned webhook cannot be trusted");
        }
    }

    /**
     * Whether {@code signatureHeader} is the lowercase hex HMAC-SHA256 of the raw body (no
     * {@code sha256=} prefix). Cal.com sends {@code no-secret-provided} for a webhook without a secret,
     * which never matches.
     */
    public boolean isSignatureValid(byte[] rawBody, String signatureHeader) {
        return Hmac.matches(secret, rawBody, signatureHeader);
    }

    /**
     * Parses a delivery.
     *
     * @throws java.io.UncheckedIOException when the body is not JSON
     * @throws IllegalArgumentException     when a booking event lacks its uid or times
     */
    public CalComEvent parse(byte[] rawBody) {
        JsonNode root = Json.read(rawBody);
        String trigger = root.path("triggerEvent").asText();
        Instant createdAt = root.hasNonNull("createdAt") ? instant(root.get("createdAt").asText()) : Instant.EPOCH;
        JsonNode p = root.path("payload");
        return switch (trigger) {
            case "BOOKING_CREATED" -> new CalComEvent.BookingCreated(createdAt, details(p));
            case "BOOKING_CANCELLED" -> new CalComEvent.BookingCancelled(createdAt, details(p), Json.text(p, "cancellationReason"));
            case "BOOKING_RESCHEDULED" -> new CalComEvent.BookingRescheduled(createdAt, details(p),
                    Json.text(p, "rescheduleUid").orElseThrow(() -> new IllegalArgumentException(
                            "BOOKING_RESCHEDULED payload has no rescheduleUid")),
                    p.path("rescheduleId").isNumber() ? OptionalLong.of(p.get("rescheduleId").asLong()) : OptionalLong.empty(),
                    Json.text(p, "rescheduleStartTime").map(CalComWebhook::instant),
                    Json.text(p, "rescheduleEndTime").map(CalComWebhook::instant));
            case "MEETING_ENDED" -> new CalComEvent.MeetingEnded(createdAt, details(p));
            default -> new CalComEvent.Other(createdAt, trigger);
        };
    }

    private static CalComEvent.BookingDetails details(JsonNode p) {
        String uid = Json.text(p, "uid").orElseThrow(() -> new IllegalArgumentException("webhook payload has no uid"));
        List<CalComEvent.Person> attendees = new ArrayList<>();
        p.path("attendees").forEach(a -> attendees.add(person(a)));
        // MEETING_ENDED sends the booking row itself: its id is "id" and its organizer "user".
        OptionalLong bookingId = p.path("bookingId").isNumber() ? OptionalLong.of(p.get("bookingId").asLong())
                : p.path("id").isNumber() ? OptionalLong.of(p.get("id").asLong()) : OptionalLong.empty();
        JsonNode organizer = p.path("organizer").isObject() ? p.get("organizer") : p.path("user");
        Optional<String> phone = attendees.stream().findFirst().flatMap(CalComEvent.Person::phoneNumber)
                .or(() -> Json.text(p.path("responses").path("attendeePhoneNumber"), "value"));
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : p.path("metadata").properties()) {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                metadata.put(e.getKey(), e.getValue().asText());
            }
        }
        return new CalComEvent.BookingDetails(uid, bookingId,
                p.path("eventTypeId").isNumber() ? OptionalLong.of(p.get("eventTypeId").asLong()) : OptionalLong.empty(),
                p.path("title").asText(""),
                instant(required(p, "startTime")), instant(required(p, "endTime")),
                Json.text(p, "status"),
                organizer.isObject() ? Optional.of(person(organizer)) : Optional.empty(),
                attendees, phone, Json.text(p, "location"),
                p.path("seatsPerTimeSlot").isNumber() ? OptionalInt.of(p.get("seatsPerTimeSlot").asInt()) : OptionalInt.empty(),
                metadata);
    }

    private static CalComEvent.Person person(JsonNode n) {
        return new CalComEvent.Person(n.path("name").asText(""), n.path("email").asText(""),
                Json.text(n, "timeZone"), Json.text(n, "phoneNumber"));
    }

    private static String required(JsonNode p, String field) {
        return Json.text(p, field).orElseThrow(() -> new IllegalArgumentException("webhook payload has no " + field));
    }

    // Cal.com writes both "2024-01-01T10:00:00Z" and "2024-01-04T10:00:00+00:00".
    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
