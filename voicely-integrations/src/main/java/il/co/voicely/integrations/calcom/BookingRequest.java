package il.co.voicely.integrations.calcom;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A booking to create. For a seated (group) event the same request books one seat; the answer's
 * {@link Booking#seatUid()} identifies it for cancelling or moving just that seat.
 *
 * <pre>{@code
 * new BookingRequest(45L, Instant.parse("2026-12-01T16:00:00Z"),
 *         new BookingRequest.Attendee("Dana", "dana@example.com", ZoneId.of("Asia/Jerusalem"),
 *                 Optional.of("+972501234567"), Optional.of("he")),
 *         Optional.empty(), Map.of("voicelyUserId", "42"));
 * }</pre>
 *
 * @param lengthInMinutes for event types offering several lengths (20, 45, 60); empty for the default
 * @param metadata        at most 50 keys of up to 40 characters, values up to 500 characters (Cal.com limits)
 */
public record BookingRequest(long eventTypeId, Instant start, Attendee attendee, Optional<Integer> lengthInMinutes,
                             Map<String, String> metadata) {

    public BookingRequest {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(attendee, "attendee");
        metadata = Map.copyOf(metadata);
        if (metadata.size() > 50) {
            throw new IllegalArgumentException("metadata must have at most 50 keys (was " + metadata.size() + ")");
        }
        metadata.forEach((key, value) -> {
            if (key.length() > 40) {
                throw new IllegalArgumentException("metadata key '" + key + "' must be at most 40 characters");
            }
            if (value.length() > 500) {
                throw new IllegalArgumentException("metadata." + key + " must be at most 500 characters (was " + value.length() + ")");
            }
        });
    }

    /** The student booking; {@code phoneNumber} in international form, {@code language} e.g. {@code he}. */
    public record Attendee(String name, String email, ZoneId timeZone, Optional<String> phoneNumber,
                           Optional<String> language) {
        public Attendee {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("attendee.name must not be empty");
            }
            Objects.requireNonNull(timeZone, "attendee.timeZone");
        }
    }
}
