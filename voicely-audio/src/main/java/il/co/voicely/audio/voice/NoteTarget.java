package il.co.voicely.audio.voice;

import java.util.ArrayList;
import java.util.List;

/**
 * A note the student should sing, and when.
 *
 * @param note         the target note
 * @param startSeconds when it should start, from the beginning of the recording
 * @param endSeconds   when it should end
 */
public record NoteTarget(Note note, double startSeconds, double endSeconds) {
    /** Validates the interval. */
    public NoteTarget {
        if (!(endSeconds > startSeconds) || startSeconds < 0) {
            throw new IllegalArgumentException("bad interval for " + note + ": " + startSeconds + "–" + endSeconds + " s");
        }
    }

    /**
     * Notes in sequence at a steady tempo, e.g. a scale exercise sung along a backing track.
     *
     * @param notes          in order
     * @param startSeconds   when the first note starts
     * @param secondsPerNote length of each note
     */
    public static List<NoteTarget> evenly(List<Note> notes, double startSeconds, double secondsPerNote) {
        List<NoteTarget> out = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            double start = startSeconds + i * secondsPerNote;
            out.add(new NoteTarget(notes.get(i), start, start + secondsPerNote));
        }
        return List.copyOf(out);
    }
}
