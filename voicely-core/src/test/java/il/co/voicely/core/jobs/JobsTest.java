package il.co.voicely.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class JobsTest {

    /** Task data travels as JSON, so a record with an Instant must round-trip. */
    record Note(UUID id, String text, Instant at) {
    }

    private static final Jobs.JobSettings FAST = Jobs.JobSettings.defaults().withPollingInterval(Duration.ofMillis(100));

    private final TestDatabase test;
    private final Database db;

    JobsTest(TestDatabase test) {
        this.test = test;
        this.db = test.database();
        test.owner().useHandle(h -> h.execute("create table if not exists job_effects (id uuid, text text, at timestamptz, worker text)"));
        test.owner().useHandle(h -> h.execute("grant select, insert on job_effects to voicely_app"));
        test.owner().useHandle(h -> h.execute("truncate job_effects, scheduled_tasks"));
    }

    private OneTimeTask<Note> recordingTask(String worker) {
        return Tasks.oneTime("write-note", Note.class).execute((instance, ctx) -> db.useContext(SessionContext.system(), h ->
                h.execute("insert into job_effects values (?, ?, ?, ?)", instance.getData().id(), instance.getData().text(),
                        java.sql.Timestamp.from(instance.getData().at()), worker)));
    }

    @Test
    void aScheduledJobRunsWithItsDataIntact() throws Exception {
        OneTimeTask<Note> task = recordingTask("one");
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-27T10:15:30Z");
        try (Jobs jobs = Jobs.start(db, FAST, List.of(task), List.of())) {
            jobs.client().scheduleIfNotExists(task.instance(id.toString(), new Note(id, "שיעור ראשון", at)), Instant.now());
            awaitEffects(1);
        }
        String text = test.owner().withHandle(h -> h.createQuery("select text from job_effects where id = ?").bind(0, id)
                .mapTo(String.class).one());
        Instant stored = test.owner().withHandle(h -> h.createQuery("select at from job_effects where id = ?").bind(0, id)
                .mapTo(Instant.class).one());
        assertThat(text).isEqualTo("שיעור ראשון");
        assertThat(stored).isEqualTo(at);
    }

    @Test
    void schedulingTheSameInstanceTwiceRunsItOnce() throws Exception {
        OneTimeTask<Note> task = recordingTask("one");
        UUID id = UUID.randomUUID();
        var client = Jobs.client(db, List.of(task));
        client.scheduleIfNotExists(task.instance(id.toString(), new Note(id, "a", Instant.now())), Instant.now());
        client.scheduleIfNotExists(task.instance(id.toString(), new Note(id, "a", Instant.now())), Instant.now());
        try (Jobs jobs = Jobs.start(db, FAST, List.of(task), List.of())) {
            awaitEffects(1);
            Thread.sleep(500);
        }
        assertThat(effects()).isEqualTo(1);
    }

    @Test
    void twoInstancesOnOneDatabaseShareTheWorkAndRunEachJobExactlyOnce() throws Exception {
        OneTimeTask<Note> a = recordingTask("a");
        OneTimeTask<Note> b = recordingTask("b");
        var client = Jobs.client(db, List.of(a));
        int jobs = 40;
        for (int i = 0; i < jobs; i++) {
            UUID id = UUID.randomUUID();
            client.scheduleIfNotExists(a.instance(id.toString(), new Note(id, "n" + i, Instant.now())), Instant.now());
        }
        try (Jobs first = Jobs.start(db, FAST, List.of(a), List.of()); Jobs second = Jobs.start(db, FAST, List.of(b), List.of())) {
            assertThat(first.running()).isTrue();
            awaitEffects(jobs);
            Thread.sleep(500);
        }
        assertThat(effects()).isEqualTo(jobs);
        long distinct = test.owner().withHandle(h -> h.createQuery("select count(distinct id) from job_effects").mapTo(long.class).one());
        assertThat(distinct).isEqualTo(jobs);
    }

    private long effects() {
        return test.owner().withHandle(h -> h.createQuery("select count(*) from job_effects").mapTo(long.class).one());
    }

    private void awaitEffects(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (effects() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(effects()).isEqualTo(expected);
    }
}
