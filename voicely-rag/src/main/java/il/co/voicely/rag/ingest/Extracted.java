package il.co.voicely.rag.ingest;

import il.co.voicely.rag.chunk.Cue;
import java.util.List;
import java.util.Optional;

/**
 * The text of one file.
 *
 * @param text     plain text (for subtitles, the cues' text joined)
 * @param mimeType as detected
 * @param title    the title the file declares (HTML title, document properties), if any
 * @param language "he" or "en", guessed from the letters
 * @param cues     for SRT and WebVTT files, the timed lines; empty otherwise
 */
public record Extracted(String text, String mimeType, Optional<String> title, String language, List<Cue> cues) {

    public Extracted {
        cues = List.copyOf(cues);
    }

    /** True for transcripts with times. */
    public boolean timed() {
        return !cues.isEmpty();
    }
}
