package il.co.voicely.integrations.calcom;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A free slot, with the offset of the time zone it was asked in. For a seated event that already has
 * bookings, {@code attendeesCount} counts the seats taken and {@code bookingUid} names the booking to join.
 */
public record Slot(OffsetDateTime start, OffsetDateTime end, int attendeesCount, Optional<String> bookingUid) {
}
