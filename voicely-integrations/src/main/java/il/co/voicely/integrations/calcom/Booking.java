package il.co.voicely.integrations.calcom;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A booking as the Cal.com API returns it. {@code status} is {@code accepted}, {@code pending},
 * {@code cancelled} or {@code rejected}; {@code seatUid} is set when a seat of a group lesson was booked.
 */
public record Booking(long id, String uid, String title, String status, Instant start, Instant end,
                      int durationMinutes, long eventTypeId, Optional<String> location, Optional<String> seatUid,
                      Optional<String> rescheduledFromUid, List<Attendee> attendees) {

    public Booking {
        attendees = List.copyOf(attendees);
    }

    public record Attendee(String name, String email, String timeZone, Optional<String> phoneNumber,
                           Optional<String> seatUid) {
    }
}
