package il.co.voicely.core.learning;

import java.time.Duration;
import java.util.Objects;

/**
 * The school's rules for leaving a lesson.
 *
 * @param cancellationCutoff how long before the start a student may still give up their place; after it only
 *                           the teacher or an admin can remove them
 */
public record EnrolmentPolicy(Duration cancellationCutoff) {

    public EnrolmentPolicy {
        Objects.requireNonNull(cancellationCutoff, "cancellationCutoff");
        if (cancellationCutoff.isNegative()) {
            throw new IllegalArgumentException("the cancellation cut-off cannot be negative: " + cancellationCutoff);
        }
    }

    /** Students may cancel until 24 hours before the start. */
    public static EnrolmentPolicy defaults() {
        return new EnrolmentPolicy(Duration.ofHours(24));
    }
}
