package il.co.voicely.rag.ingest;

import java.nio.file.Path;

/** A file whose text could not be extracted: corrupt, encrypted, or of a type no parser reads. */
public final class UnreadableFileException extends Exception {

    public UnreadableFileException(Path file, String reason, Throwable cause) {
        super("cannot read text from '" + file + "': " + reason, cause);
    }
}
