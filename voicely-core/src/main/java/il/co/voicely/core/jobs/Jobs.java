package il.co.voicely.core.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import il.co.voicely.core.db.Database;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Durable background work on db-scheduler, configured the Voicely way: the queue lives in PostgreSQL
 * ({@code scheduled_tasks}), so jobs survive restarts and several app instances share them, each
 * execution claimed by exactly one instance.
 *
 * <pre>{@code
 * OneTimeTask<RecordingRef> analyse = Tasks.oneTime("analyse-recording", RecordingRef.class)
 *         .execute((instance, ctx) -> analyser.analyse(instance.getData().id()));
 * try (Jobs jobs = Jobs.start(db, JobSettings.defaults(), List.of(analyse), List.of())) {
 *     jobs.client().scheduleIfNotExists(analyse.instance(id.toString(), new RecordingRef(id)), Instant.now());
 * }
 * }</pre>
 *
 * <p>Task data is stored as JSON (Jackson) rather than Java serialization, so records can evolve and
 * the queue stays readable. Jobs run without a user context: a task that touches users' data opens its
 * own transaction with {@code SessionContext.system()} or the user it acts for.
 */
public final class Jobs implements AutoCloseable {

    private final Scheduler scheduler;

    private Jobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Starts polling for the given tasks.
     *
     * @param knownTasks     one-time and custom tasks this instance can execute
     * @param recurringTasks tasks scheduled on start-up (idempotently: one row per task, shared by instances)
     */
    public static Jobs start(Database db, JobSettings settings, List<? extends Task<?>> knownTasks,
                             List<? extends RecurringTask<?>> recurringTasks) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(settings, "settings");
        Scheduler scheduler = Scheduler.create(db.dataSource(), List.copyOf(knownTasks))
                .startTasks(List.copyOf(recurringTasks))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .serializer(serializer())
                .enableImmediateExecution()
                .build();
        scheduler.start();
        return new Jobs(scheduler);
    }

    /**
     * A client that only schedules (e.g. a CLI or a web instance that runs no workers); the task data
     * is written in the same JSON form the workers read.
     */
    public static SchedulerClient client(Database db, List<? extends Task<?>> knownTasks) {
        return SchedulerClient.Builder.create(db.dataSource(), List.copyOf(knownTasks)).serializer(serializer()).build();
    }

    /** Schedules, reschedules and cancels executions. */
    public SchedulerClient client() {
        return scheduler;
    }

    /** Whether the scheduler is polling; for {@code /health}. */
    public boolean running() {
        return !scheduler.getSchedulerState().isShuttingDown() && scheduler.getSchedulerState().isStarted();
    }

    /** Stops polling and waits (up to the configured time) for running executions to finish. */
    @Override
    public void close() {
        scheduler.stop();
    }

    private static Serializer serializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return new JacksonSerializer(mapper);
    }

    /** How many workers, how often to poll. */
    public record JobSettings(int threads, Duration pollingInterval, Duration heartbeatInterval, Duration shutdownMaxWait) {

        public JobSettings {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
            Objects.requireNonNull(pollingInterval, "pollingInterval");
            Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
            Objects.requireNonNull(shutdownMaxWait, "shutdownMaxWait");
        }

        /** Four workers polling every 2 seconds; immediate execution makes fresh jobs start at once anyway. */
        public static JobSettings defaults() {
            return new JobSettings(4, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofSeconds(20));
        }

        /** The same with another polling interval (tests poll faster). */
        public JobSettings withPollingInterval(Duration interval) {
            return new JobSettings(threads, interval, heartbeatInterval, shutdownMaxWait);
        }
    }
}
