package il.co.voicely.app.recordings;

import java.util.List;
import java.util.UUID;

/** A practice exercise with the notes it asks for, in order. */
public record Exercise(UUID id, String slug, String title, String description, List<String> notes) {

    /** The target notes as text, e.g. "C4 D4 E4". */
    public String notesText() {
        return String.join(" ", notes);
    }
}
