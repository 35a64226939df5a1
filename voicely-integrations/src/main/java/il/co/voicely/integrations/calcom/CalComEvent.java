package il.co.voicely.integrations.calcom;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** A Cal.com webhook delivery ({@code triggerEvent}, {@code createdAt}, {@code payload}), parsed by {@link CalComWebhook}. */
public sealed interface CalComEvent {

    /** When Cal.com created the delivery. */
    Instant createdAt();

    record BookingCreated(Instant createdAt, BookingDetails booking) implements CalComEvent {
    }

    record BookingCancelled(Instant createdAt, BookingDetails booking, Optional<String> cancellationReason)
            implements CalComEvent {
    }

    /**
     * A booking moved: {@code booking} is the new booking (new uid); {@code previousUid} the one it replaces.
     */
    record BookingRescheduled(Instant createdAt, BookingDetails booking, String previousUid,
                              OptionalLong previousBookingId, Optional<Instant> previousStart,
                              Optional<Instant> previousEnd) implements CalComEvent {
    }

    record MeetingEnded(Instant createdAt, BookingDetails booking) implements CalComEvent {
    }

    /** A trigger this library does not model (e.g. {@code BOOKING_PAID}); kept so it can be acknowledged. */
    record Other(Instant createdAt, String triggerEvent) implements CalComEvent {
    }

    /**
     * The booking a webhook is about. {@code bookerPhoneNumber} is the first attendee's phone or the
     * booking form's {@code attendeePhoneNumber} answer; {@code metadata} holds what was set when
     * booking (and Cal.com's own keys such as {@code videoCallUrl}).
     */
    record BookingDetails(String uid, OptionalLong bookingId, OptionalLong eventTypeId, String title,
                          Instant start, Instant end, Optional<String> status, Optional<Person> organizer,
                          List<Person> attendees, Optional<String> bookerPhoneNumber, Optional<String> location,
                          OptionalInt seatsPerTimeSlot, Map<String, String> metadata) {
        public BookingDetails {
            attendees = List.copyOf(attendees);
            metadata = Map.copyOf(metadata);
        }
    }

    record Person(String name, String email, Optional<String> timeZone, Optional<String> phoneNumber) {
    }
}
