package il.co.voicely.app.webhooks;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.jobs.Jobs;
import java.util.ArrayList;
import java.util.List;

/**
 * The db-scheduler instance that runs this feature's jobs (webhook processing, lesson reminders). Tasks are
 * registered while the app is wired and the scheduler starts with the web server, so a job can never run
 * before everything it calls exists.
 */
final class JobQueue implements AutoCloseable {

    private final Database db;
    private final Jobs.JobSettings settings;
    private final List<Task<?>> tasks = new ArrayList<>();
    private final List<RecurringTask<?>> recurring = new ArrayList<>();
    private volatile Jobs jobs;

    JobQueue(Database db, Jobs.JobSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    synchronized void register(Task<?> task) {
        if (jobs != null) {
            throw new IllegalStateException("task " + task.getName() + " registered after the scheduler started");
        }
        if (task instanceof RecurringTask<?> r) {
            recurring.add(r);
        } else {
            tasks.add(task);
        }
    }

    synchronized void start() {
        if (jobs == null) {
            jobs = Jobs.start(db, settings, tasks, recurring);
        }
    }

    SchedulerClient client() {
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
