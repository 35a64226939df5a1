package il.co.voicely.app.recordings;

import java.util.UUID;

/** The task data of one analysis job (stored as JSON in {@code scheduled_tasks}): which recording. */
public record RecordingJob(UUID recordingId) {
}
