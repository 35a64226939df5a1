package il.co.voicely.app.recordings;

import java.time.Instant;
import java.util.UUID;

/** A time-stamped comment on a recording. */
public record Comment(UUID id, String authorName, int atMs, String body, Instant createdAt) {

    /** Where it points, as m:ss. */
    public String at() {
        return Comments.clock(atMs);
    }

    /** Where it points, in seconds, for the player to seek to. */
    public String atSeconds() {
        return String.valueOf(atMs / 1000.0);
    }
}
