package il.co.voicely.core.learning;

import java.time.Instant;
import java.util.UUID;

/**
 * A waitlisted student got a place because one freed up: the app tells them (e-mail, WhatsApp, a job).
 *
 * @param lessonStartsAt the lesson's start, for the message
 */
public record WaitlistPromotion(UUID lessonId, UUID userId, String lessonTitle, Instant lessonStartsAt, Instant promotedAt) {
}
