package il.co.voicely.app.webhooks;

import il.co.voicely.app.jobs.JobQueue;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.mail.MailMessage;
import il.co.voicely.core.mail.Mailer;
import il.co.voicely.integrations.whatsapp.OutboundMessage;
import il.co.voicely.integrations.whatsapp.TemplateComponent;
import il.co.voicely.integrations.whatsapp.WhatsAppClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminders 24 hours and 1 hour before every lesson: the WhatsApp template {@value #TEMPLATE} to each
 * enrolled participant with a phone number, an e-mail to the others.
 *
 * <p>Each reminder is a db-scheduler one-time execution with a deterministic instance id
 * ({@code <lesson>:<offset>}), so scheduling twice is a no-op, moving the lesson moves the execution and
 * cancelling it removes it. Each send is also claimed in {@code reminders} (unique per lesson, user and
 * kind, where the kind names the lesson's start) before it goes out: two instances, or a retried
 * execution, never send one reminder twice, while a lesson moved to a new time gets fresh reminders.
 * Cal.com bookings schedule their lesson's reminders at once; a sweep every few minutes schedules those of
 * every other lesson of the coming day, and notices lessons moved elsewhere in the app.
 */
final class LessonReminders {

    static final String TEMPLATE = "lesson_reminder";
    static final String TASK = "lesson-reminder";
    static final List<Duration> BEFORE = List.of(Duration.ofHours(24), Duration.ofHours(1));
    static final String SWEEP = "lesson-reminder-sweep";
    /** Past the 24-hour horizon by more than the sweep's period, so no lesson slips between two sweeps. */
    private static final Duration SWEEP_MARGIN = Duration.ofMinutes(10);
    /** A reminder that runs this long before its due time belongs to a lesson that moved later. */
    private static final Duration EARLY = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(LessonReminders.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    /** The task data: which lesson, how long before its start. */
    record Due(UUID lessonId, long minutesBefore) {
    }

    private record Recipient(UUID userId, String email, Optional<String> phone, String locale) {
    }

    private final Database db;
    private final JobQueue queue;
    private final Clock clock;
    private final Optional<WhatsAppClient> whatsapp;
    private final Mailer mailer;
    private final OneTimeTask<Due> task;

    LessonReminders(Database db, JobQueue queue, Clock clock, Optional<WhatsAppClient> whatsapp, Mailer mailer) {
        this.db = db;
        this.queue = queue;
        this.clock = clock;
        this.whatsapp = whatsapp;
        this.mailer = mailer;
        this.task = Tasks.oneTime(TASK, Due.class).execute((instance, context) -> send(instance.getData()));
        queue.register(task);
        queue.register(Tasks.recurring(SWEEP, FixedDelay.ofMinutes(5)).execute((instance, context) -> sweep()));
    }

    /**
     * Schedules the reminders of every lesson starting within the next day, however it was created or
     * moved (Cal.com, the lessons pages, an admin): deterministic instance ids make this idempotent.
     */
    void sweep() {
        Instant now = clock.instant();
        List<Object[]> upcoming = db.inContext(SessionContext.system(), h -> h.createQuery("""
                        select id, starts_at from lessons
                         where status = 'scheduled' and starts_at > :now and starts_at <= :horizon""")
                .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .bind("horizon", OffsetDateTime.ofInstant(now.plus(BEFORE.getFirst()).plus(SWEEP_MARGIN), ZoneOffset.UTC))
                .map((rs, ctx) -> new Object[] {rs.getObject("id", UUID.class), rs.getObject("starts_at", OffsetDateTime.class).toInstant()})
                .list());
        upcoming.forEach(lesson -> schedule((UUID) lesson[0], (Instant) lesson[1]));
    }

    /** Schedules (or moves) the lesson's reminders for a lesson starting at {@code start}; past ones are skipped. */
    void schedule(UUID lessonId, Instant start) {
        Instant now = clock.instant();
        for (Duration before : BEFORE) {
            TaskInstanceId id = TaskInstanceId.of(TASK, instanceId(lessonId, before));
            Instant due = start.minus(before);
            boolean exists = queue.client().getScheduledExecution(id).isPresent();
            if (due.isBefore(now)) {
                if (exists) {
                    queue.client().cancel(id);
                }
            } else if (exists) {
                queue.client().reschedule(id, due);
            } else {
                queue.client().scheduleIfNotExists(task.instance(id.getId(), new Due(lessonId, before.toMinutes())), due);
            }
        }
    }

    /** Removes the lesson's reminders that have not run yet. */
    void cancel(UUID lessonId) {
        for (Duration before : BEFORE) {
            TaskInstanceId id = TaskInstanceId.of(TASK, instanceId(lessonId, before));
            if (queue.client().getScheduledExecution(id).isPresent()) {
                queue.client().cancel(id);
            }
        }
    }

    static String instanceId(UUID lessonId, Duration before) {
        return lessonId + ":" + before.toMinutes() + "m";
    }

    private void send(Due due) {
        Optional<LessonInfo> lesson = db.inContext(SessionContext.system(), h -> lesson(h, due.lessonId()));
        if (lesson.isEmpty() || !lesson.get().status().equals("scheduled")) {
            return;
        }
        Instant dueAt = lesson.get().startsAt().minus(Duration.ofMinutes(due.minutesBefore()));
        if (dueAt.isAfter(clock.instant().plus(EARLY))) {
            // Moved later by something that did not reschedule us; the sweep schedules the new time.
            return;
        }
        // The kind names the start, so a moved lesson is reminded again and a retry of this one is not.
        String kind = "lesson_" + due.minutesBefore() + "m_" + lesson.get().startsAt().getEpochSecond();
        for (Recipient recipient : db.inContext(SessionContext.system(), h -> recipients(h, due.lessonId()))) {
            String channel = recipient.phone().isPresent() && whatsapp.isPresent() ? "whatsapp" : "email";
            if (!claim(due.lessonId(), recipient.userId(), kind, channel, dueAt)) {
                continue;
            }
            try {
                if (channel.equals("whatsapp")) {
                    whatsapp.orElseThrow().send(OutboundMessage.template(recipient.phone().get(), TEMPLATE, recipient.locale(),
                            TemplateComponent.body(TemplateComponent.text(lesson.get().title()),
                                    TemplateComponent.text(WHEN.format(lesson.get().startsAt().atZone(lesson.get().zone()))))));
                } else {
                    mailer.send(MailMessage.of(recipient.email(), lesson.get().title(),
                            lesson.get().title() + " — " + WHEN.format(lesson.get().startsAt().atZone(lesson.get().zone()))));
                }
                finish(due.lessonId(), recipient.userId(), kind, "sent", null);
            } catch (RuntimeException e) {
                log.warn("Reminder {} for lesson {} to {} failed: {}", kind, due.lessonId(), recipient.userId(), e.getMessage());
                finish(due.lessonId(), recipient.userId(), kind, "failed", e.getMessage());
            }
        }
    }

    private record LessonInfo(String title, Instant startsAt, String status, java.time.ZoneId zone) {
    }

    private static Optional<LessonInfo> lesson(Handle h, UUID lessonId) {
        return h.createQuery("select title, starts_at, status from lessons where id = :id").bind("id", lessonId)
                .map((rs, ctx) -> new LessonInfo(rs.getString("title"), rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                        rs.getString("status"), il.co.voicely.core.learning.LessonPlan.SCHOOL_ZONE))
                .findOne();
    }

    private static List<Recipient> recipients(Handle h, UUID lessonId) {
        return h.createQuery("""
                        select u.id, u.email, p.phone, u.locale
                          from lesson_participants lp
                          join users u on u.id = lp.user_id
                          left join profiles p on p.user_id = u.id
                         where lp.lesson_id = :lesson and lp.status = 'enrolled' and u.status = 'active'""")
                .bind("lesson", lessonId)
                .map((rs, ctx) -> new Recipient(rs.getObject("id", UUID.class), rs.getString("email"),
                        Optional.ofNullable(rs.getString("phone")), rs.getString("locale")))
                .list();
    }

    /** Claims one reminder; false when another execution (here or on another instance) already did. */
    private boolean claim(UUID lessonId, UUID userId, String kind, String channel, Instant scheduledFor) {
        return db.inContext(SessionContext.system(), h -> h.createUpdate("""
                        insert into reminders (lesson_id, user_id, kind, channel, scheduled_for)
                        values (:lesson, :user, :kind, :channel, :at)
                        on conflict (lesson_id, user_id, kind) do nothing""")
                .bind("lesson", lessonId).bind("user", userId).bind("kind", kind).bind("channel", channel)
                .bind("at", OffsetDateTime.ofInstant(scheduledFor, ZoneOffset.UTC))
                .execute() == 1);
    }

    private void finish(UUID lessonId, UUID userId, String kind, String status, String error) {
        db.useContext(SessionContext.system(), h -> h.createUpdate("""
                        update reminders set status = :status, error = :error, sent_at = case when :status = 'sent' then :at end
                         where lesson_id = :lesson and user_id = :user and kind = :kind""")
                .bind("status", status).bind("error", error).bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .bind("lesson", lessonId).bind("user", userId).bind("kind", kind).execute());
    }
}
