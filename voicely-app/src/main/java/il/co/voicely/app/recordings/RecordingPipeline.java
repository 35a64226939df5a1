package il.co.voicely.app.recordings;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import il.co.voicely.app.jobs.JobQueue;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Recordings' background work on db-scheduler: one {@code analyse-recording} execution per recording, keyed
 * by its id, so scheduling twice runs once. An execution left in the table by a stopped instance is picked up
 * again when its heartbeat goes stale; a recording whose scheduling was lost between its insert and its job
 * is found again at start.
 *
 * <p>A failing execution is retried {@value #ATTEMPTS} times, {@link #RETRY_AFTER} apart; then the
 * recording is marked failed with a reason. Undecodable audio fails at once: retrying would not help.
 */
public final class RecordingPipeline {

    static final String TASK = "analyse-recording";
    static final int ATTEMPTS = 3;
    static final Duration RETRY_AFTER = Duration.ofSeconds(20);

    private final Database db;
    private final OneTimeTask<RecordingJob> task;
    private final JobQueue jobs;

    RecordingPipeline(Database db, RecordingAnalysis analysis, JobQueue jobs) {
        this.db = db;
        this.task = Tasks.oneTime(TASK, RecordingJob.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER))
                .execute((instance, context) -> {
                    UUID id = instance.getData().recordingId();
                    try {
                        analysis.run(id);
                    } catch (Exception e) {
                        if (context.getExecution().consecutiveFailures + 1 >= ATTEMPTS) {
                            analysis.giveUp(id, e);
                            return;
                        }
                        throw new IllegalStateException("analysis of recording " + id + " failed; will retry", e);
                    }
                });
        this.jobs = jobs;
        jobs.register(task);
    }

    /** Queues recordings whose job was lost between their insert and their scheduling; call once the jobs run. */
    public void resumePending() {
        pending().forEach(this::schedule);
    }

    /** Queues the analysis of a recording; queuing one already queued does nothing. */
    void schedule(UUID recordingId) {
        jobs.client().scheduleIfNotExists(task.instance(recordingId.toString(), new RecordingJob(recordingId)), Instant.now());
    }

    private List<UUID> pending() {
        return db.inContext(SessionContext.system(), h -> h.createQuery(
                "select id from recordings where status in ('uploaded', 'processing') order by created_at").mapTo(UUID.class).list());
    }

}
