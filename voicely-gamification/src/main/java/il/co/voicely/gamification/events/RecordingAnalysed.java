package il.co.voicely.gamification.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A recording was analysed: the sung range and how accurately the notes hit the target. Type {@value #TYPE}.
 *
 * <p>Pitches are in semitones on the MIDI scale (A4 = 440 Hz = 69), so a range widened "by a semitone"
 * is a difference of 1; {@link #ofHz} converts from frequencies.
 *
 * @param lowSemitone          the lowest sustained note, MIDI semitones (fractional)
 * @param highSemitone         the highest sustained note, MIDI semitones (fractional)
 * @param noteAccuracyPercent  share of notes within tolerance of the target, 0–100
 */
public record RecordingAnalysed(UUID eventId, UUID userId, Instant occurredAt, UUID recordingId,
                                double lowSemitone, double highSemitone, double noteAccuracyPercent)
        implements GamificationEvent {

    public static final String TYPE = "recording.analysed";

    public RecordingAnalysed {
        Events.requireIdentity(eventId, userId, occurredAt);
        Objects.requireNonNull(recordingId, "recordingId");
        if (!(highSemitone >= lowSemitone)) {
            throw new IllegalArgumentException("high " + highSemitone + " is below low " + lowSemitone);
        }
        Events.requirePercent("noteAccuracyPercent", noteAccuracyPercent);
    }

    /** The same event from frequencies in Hz. */
    public static RecordingAnalysed ofHz(UUID eventId, UUID userId, Instant occurredAt, UUID recordingId,
                                         double lowHz, double highHz, double noteAccuracyPercent) {
        return new RecordingAnalysed(eventId, userId, occurredAt, recordingId,
                semitone(lowHz), semitone(highHz), noteAccuracyPercent);
    }

    /** MIDI semitone of a frequency: 69 + 12·log2(f / 440). */
    public static double semitone(double hz) {
        if (!(hz > 0)) {
            throw new IllegalArgumentException("frequency must be positive, was " + hz);
        }
        return 69 + 12 * (Math.log(hz / 440.0) / Math.log(2));
    }

    /** Width of the range in semitones. */
    public double rangeSemitones() {
        return highSemitone - lowSemitone;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("recordingId", recordingId.toString(),
                "lowSemitone", lowSemitone,
                "highSemitone", highSemitone,
                "rangeSemitones", rangeSemitones(),
                "noteAccuracyPercent", noteAccuracyPercent);
    }
}
