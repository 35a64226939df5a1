package il.co.voicely.integrations.calcom;

import java.util.List;
import java.util.OptionalInt;

/**
 * A bookable kind of lesson, e.g. a 45-minute private lesson; {@code seatsPerTimeSlot} is present for
 * seated (group) events, where several students book the same slot.
 */
public record EventType(long id, String slug, String title, int lengthInMinutes, List<Integer> lengthOptions,
                        OptionalInt seatsPerTimeSlot, boolean hidden) {

    public EventType {
        lengthOptions = List.copyOf(lengthOptions);
    }

    public boolean isSeated() {
        return seatsPerTimeSlot.isPresent();
    }
}
