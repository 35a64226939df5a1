package il.co.voicely.app.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * A student's progress over time for the charts and their data tables.
 *
 * @param recordings every analysed recording, oldest first (at most {@value ProgressQueries#MAX_RECORDINGS})
 * @param weeks      days practised in each Israeli week (Sunday to Saturday), oldest first
 */
public record ProgressHistory(String studentName, List<RecordingPoint> recordings, List<WeekPoint> weeks) {

    public ProgressHistory {
        recordings = List.copyOf(recordings);
        weeks = List.copyOf(weeks);
    }

    /** One analysed recording: the local day, the sung range and the note accuracy. */
    public record RecordingPoint(LocalDate day, VocalRange range, double accuracy) {

        /** Accuracy rounded to a whole percent. */
        public long roundedAccuracy() {
            return Math.round(accuracy);
        }
    }

    /** Days with practice in the week starting on {@code sunday}. */
    public record WeekPoint(LocalDate sunday, int days) {
    }

    /** Chart labels (ISO dates) of the recordings, as a JSON array. */
    public String recordingLabelsJson() {
        return json(recordings.stream().map(p -> "\"" + p.day() + "\"").toList());
    }

    /** Range width in semitones per recording, as a JSON array. */
    public String rangeJson() {
        return json(recordings.stream().map(p -> String.format(java.util.Locale.ROOT, "%.1f", p.range().semitones())).toList());
    }

    /** Accuracy per recording, as a JSON array. */
    public String accuracyJson() {
        return json(recordings.stream().map(p -> String.valueOf(p.roundedAccuracy())).toList());
    }

    /** Week labels (the Sunday, ISO), as a JSON array. */
    public String weekLabelsJson() {
        return json(weeks.stream().map(w -> "\"" + w.sunday() + "\"").toList());
    }

    /** Days practised per week, as a JSON array. */
    public String practiceJson() {
        return json(weeks.stream().map(w -> String.valueOf(w.days())).toList());
    }

    private static String json(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }
}
