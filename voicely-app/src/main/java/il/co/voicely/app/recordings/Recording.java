package il.co.voicely.app.recordings;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A recording as its pages show it.
 *
 * @param error a message key under {@code recordings.error.} when the analysis failed
 */
public record Recording(UUID id, UUID ownerId, String ownerName, Optional<UUID> exerciseId, Optional<String> exerciseSlug, Optional<String> exerciseTitle,
                        String mimeType, Optional<Integer> durationMs, long sizeBytes, String status, Optional<String> error,
                        Instant createdAt, boolean canComment) {

    /** Whether the job has not finished yet, so the page keeps asking. */
    public boolean pending() {
        return status.equals("uploaded") || status.equals("processing");
    }

    /** The duration as m:ss, or empty before analysis. */
    public String durationText() {
        return durationMs.map(ms -> Comments.clock(ms)).orElse("");
    }
}
