package il.co.voicely.app.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.jobs.Jobs;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's one db-scheduler instance. Features register their tasks while the app is wired; the app starts
 * the scheduler once wiring is done (so a job never runs before what it calls exists) and stops it after the
 * web server and before the database. One scheduler, not one per feature: each polls the same table, and a
 * scheduler meeting another's task names would only log them as unknown.
 */
public final class JobQueue implements AutoCloseable {

    private final Database db;
    private final Jobs.JobSettings settings;
    private final List<Task<?>> tasks = new ArrayList<>();
    private final List<RecurringTask<?>> recurring = new ArrayList<>();
    private volatile Jobs jobs;

    public JobQueue(Database db, Jobs.JobSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    /** Adds a task; only before {@link #start()}. */
    public synchronized void register(Task<?> task) {
        if (jobs != null) {
            throw new IllegalStateException("task " + task.getName() + " registered after the scheduler started");
        }
        if (task instanceof RecurringTask<?> r) {
            recurring.add(r);
        } else {
            tasks.add(task);
        }
    }

    /** Starts polling; starting twice does nothing. */
    public synchronized void start() {
        if (jobs == null) {
            jobs = Jobs.start(db, settings, tasks, recurring);
        }
    }

    /** Schedules, reschedules and cancels executions; only once started. */
    public SchedulerClient client() {
        Jobs running = jobs;
        if (running == null) {
            throw new IllegalStateException("the job scheduler is not running (the server has not started)");
        }
        return running.client();
    }

    @Override
    public synchronized void close() {
        if (jobs != null) {
            jobs.close();
            jobs = null;
        }
    }
}
