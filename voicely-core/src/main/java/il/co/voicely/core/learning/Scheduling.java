package il.co.voicely.core.learning;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.PermissionDeniedException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Teachers' and admins' scheduling: one-off and weekly lessons, single-occurrence changes, and the
 * calendar of lessons a user teaches or attends.
 *
 * <pre>{@code
 * Scheduling scheduling = new Scheduling(db, Clock.systemUTC());
 * List<Lesson> created = scheduling.schedule(teacher.context(),
 *         LessonPlan.of(teacher.userId(), "Breathing", LocalDateTime.of(2026, 3, 1, 18, 0), 45)
 *                 .repeating(Recurrence.weeklyUntil(LocalDate.of(2026, 6, 30), DayOfWeek.SUNDAY)));
 * List<Lesson> week = scheduling.calendar(student.context(), monday, monday.plus(Duration.ofDays(7)));
 * }</pre>
 *
 * <p>Everything runs in the acting user's row-level security context: a teacher schedules only for
 * themselves, an admin for anyone, a student not at all ({@link PermissionDeniedException}).
 */
public final class Scheduling {

    private final Database db;
    private final Clock clock;

    public Scheduling(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates the lesson, or every lesson of the series, after checking each against the teacher's
     * other scheduled lessons.
     *
     * @return the created lessons in start order
     * @throws LessonConflictException when an occurrence overlaps a lesson the teacher already teaches
     * @throws InvalidLessonException   when the plan yields no lesson or starts in the past
     * @throws PermissionDeniedException when the actor may not schedule for this teacher
     */
    public List<Lesson> schedule(SessionContext actor, LessonPlan plan) {
        List<LocalDateTime> localStarts = plan.recurrence().map(r -> r.occurrences(plan.start())).orElse(List.of(plan.start()));
        if (localStarts.isEmpty()) {
            throw new InvalidLessonException("the plan yields no lesson: every occurrence falls on a skipped date");
        }
        List<Instant> starts = localStarts.stream().map(t -> t.atZone(plan.zone()).toInstant()).toList();
        if (starts.getFirst().isBefore(clock.instant())) {
            throw new InvalidLessonException("the first lesson (" + localStarts.getFirst() + " " + plan.zone() + ") is in the past");
        }
        Duration duration = Duration.ofMinutes(plan.durationMinutes());
        try {
            return db.inContext(actor, h -> {
                LessonRows.lockTeacher(h, plan.teacherId());
                for (Instant start : starts) {
                    Optional<Lesson> clash = clash(h, plan.teacherId(), start, start.plus(duration), null);
                    if (clash.isPresent()) {
                        throw new LessonConflictException(clash.get(), start, start.plus(duration));
                    }
                }
                UUID seriesId = plan.recurrence().isPresent() ? insertSeries(h, plan) : null;
                List<Lesson> created = new ArrayList<>(starts.size());
                for (Instant start : starts) {
                    created.add(insertLesson(h, plan, seriesId, start));
                }
                return created;
            });
        } catch (RuntimeException e) {
            if (LessonRows.deniedByPolicy(e)) {
                throw new PermissionDeniedException(actor.userId().orElse(null), "lessons.schedule",
                        "only admins schedule for another teacher, and students do not schedule");
            }
            throw e;
        }
    }

    /**
     * Moves one lesson (one occurrence of a series; the others stay) to a new start.
     *
     * @throws LessonConflictException when the new time overlaps another of the teacher's lessons
     */
    public Lesson reschedule(SessionContext actor, UUID lessonId, ZonedDateTime newStart) {
        Instant start = newStart.toInstant();
        if (start.isBefore(clock.instant())) {
            throw new InvalidLessonException("cannot move lesson " + lessonId + " into the past (" + newStart + ")");
        }
        return db.inContext(actor, h -> {
            Lesson lesson = editable(h, actor, lessonId);
            lesson.teacherId().ifPresent(t -> LessonRows.lockTeacher(h, t));
            if (lesson.teacherId().isPresent()) {
                Optional<Lesson> clash = clash(h, lesson.teacherId().get(), start, start.plus(lesson.duration()), lessonId);
                if (clash.isPresent()) {
                    throw new LessonConflictException(clash.get(), start, start.plus(lesson.duration()));
                }
            }
            return h.createQuery("update lessons l set starts_at = :start where l.id = :id returning " + LessonRows.COLUMNS)
                    .bind("start", start).bind("id", lessonId).map(LessonRows::mapLesson).one();
        });
    }

    /**
     * Changes where one lesson (one occurrence of a series; the others stay) takes place: a room, an online
     * link, or both. Empty clears the value.
     */
    public Lesson relocate(SessionContext actor, UUID lessonId, Optional<String> location, Optional<String> meetingUrl) {
        meetingUrl.filter(u -> !u.matches("(?i)https?://\\S+")).ifPresent(u -> {
            throw new InvalidLessonException("the online link must be an http(s) URL: '" + u + "'");
        });
        return db.inContext(actor, h -> {
            editable(h, actor, lessonId);
            return h.createQuery("update lessons l set location = :location, meeting_url = :meetingUrl where l.id = :id returning "
                            + LessonRows.COLUMNS)
                    .bind("location", location.orElse(null)).bind("meetingUrl", meetingUrl.orElse(null)).bind("id", lessonId)
                    .map(LessonRows::mapLesson).one();
        });
    }

    /**
     * Cancels one lesson; when it belongs to a series, its date becomes one of the series' exceptions.
     * Participants keep their rows, so the app can tell them.
     */
    public Lesson cancel(SessionContext actor, UUID lessonId) {
        return db.inContext(actor, h -> {
            editable(h, actor, lessonId);
            Lesson cancelled = h.createQuery("update lessons l set status = 'cancelled' where l.id = :id returning " + LessonRows.COLUMNS)
                    .bind("id", lessonId).map(LessonRows::mapLesson).one();
            cancelled.seriesId().ifPresent(series -> h.createUpdate("""
                    update lesson_series s
                       set exception_dates = array_append(s.exception_dates, (:startsAt at time zone s.time_zone)::date)
                     where s.id = :series
                       and not ((:startsAt at time zone s.time_zone)::date = any (s.exception_dates))""")
                    .bind("startsAt", cancelled.startsAt()).bind("series", series).execute());
            return cancelled;
        });
    }

    /**
     * Ends a series: cancels its scheduled lessons starting at or after {@code from} (UTC) and keeps the
     * earlier ones.
     *
     * @return the lessons cancelled, in start order
     */
    public List<Lesson> endSeries(SessionContext actor, UUID seriesId, Instant from) {
        return db.inContext(actor, h -> {
            List<UUID> ids = h.createQuery("select id from lessons where series_id = :series and starts_at >= :from and status = 'scheduled'")
                    .bind("series", seriesId).bind("from", from).mapTo(UUID.class).list();
            for (UUID id : ids) {
                editable(h, actor, id);
            }
            h.createUpdate("update lesson_series set active = false where id = :series").bind("series", seriesId).execute();
            return h.createQuery("update lessons l set status = 'cancelled' where l.id = any(:ids) returning " + LessonRows.COLUMNS)
                    .bind("ids", ids.toArray(UUID[]::new)).map(LessonRows::mapLesson).list()
                    .stream().sorted(java.util.Comparator.comparing(Lesson::startsAt)).toList();
        });
    }

    /** The lesson, when the actor may see it. */
    public Optional<Lesson> lesson(SessionContext actor, UUID lessonId) {
        return db.inContext(actor, h -> LessonRows.find(h, lessonId));
    }

    /**
     * The lessons starting in {@code [from, to)} that the actor teaches or holds a place in (enrolled),
     * cancelled ones included so calendars can show them struck out: the week and month views.
     */
    public List<Lesson> calendar(SessionContext actor, Instant from, Instant to) {
        UUID me = LessonRows.actingUser(actor);
        return db.inContext(actor, h -> h.createQuery("select " + LessonRows.COLUMNS + """
                         from lessons l
                        where l.starts_at >= :from and l.starts_at < :to
                          and (l.teacher_id = :me
                               or exists (select 1 from lesson_participants p
                                           where p.lesson_id = l.id and p.user_id = :me and p.status = 'enrolled'))
                        order by l.starts_at, l.id""")
                .bind("from", from).bind("to", to).bind("me", me)
                .map(LessonRows::mapLesson).list());
    }

    private Lesson editable(Handle h, SessionContext actor, UUID lessonId) {
        Lesson lesson = h.createQuery("select " + LessonRows.COLUMNS + " from lessons l where l.id = :id")
                .bind("id", lessonId).map(LessonRows::mapLesson).findOne()
                .orElseThrow(() -> new LessonNotFoundException(lessonId));
        boolean mayEdit = h.createQuery("select voicely_is_admin() or voicely_teaches_lesson(:id)")
                .bind("id", lessonId).mapTo(boolean.class).one();
        if (!mayEdit) {
            throw new PermissionDeniedException(actor.userId().orElse(null), "lessons.schedule",
                    "only the lesson's teacher or an admin may change lesson " + lessonId);
        }
        return lesson;
    }

    private static Optional<Lesson> clash(Handle h, UUID teacherId, Instant start, Instant end, UUID except) {
        return h.createQuery("select " + LessonRows.COLUMNS + """
                         from lessons l
                        where l.teacher_id = :teacher and l.status = 'scheduled'
                          and l.starts_at < :end
                          and l.starts_at + make_interval(mins => l.duration_minutes) > :start
                          and l.id is distinct from :except
                        order by l.starts_at
                        limit 1""")
                .bind("teacher", teacherId).bind("start", start).bind("end", end).bind("except", except)
                .map(LessonRows::mapLesson).findOne();
    }

    private static UUID insertSeries(Handle h, LessonPlan plan) {
        Recurrence r = plan.recurrence().orElseThrow();
        String weekdays = r.days().stream().map(DayOfWeek::getValue).sorted().map(String::valueOf)
                .collect(Collectors.joining(",", "{", "}"));
        String exceptions = r.exceptions().stream().sorted().map(Object::toString).collect(Collectors.joining(",", "{", "}"));
        return h.createQuery("""
                        insert into lesson_series (teacher_id, group_id, title, kind, duration_minutes, capacity, location,
                                                   meeting_url, freq, interval_count, by_weekday, start_time, time_zone,
                                                   starts_on, until_date, occurrence_count, exception_dates)
                        values (:teacher, :group, :title, :kind, :duration, :capacity, :location, :meetingUrl, 'weekly', 1,
                                cast(:weekdays as smallint[]), :startTime, :zone, :startsOn, :until, :count,
                                cast(:exceptions as date[]))
                        returning id""")
                .bind("teacher", plan.teacherId()).bind("group", plan.groupId().orElse(null))
                .bind("title", plan.title()).bind("kind", plan.kind().sqlName()).bind("duration", plan.durationMinutes())
                .bind("capacity", plan.capacity().orElse(null)).bind("location", plan.location().orElse(null))
                .bind("meetingUrl", plan.meetingUrl().orElse(null)).bind("weekdays", weekdays)
                .bind("startTime", plan.start().toLocalTime()).bind("zone", plan.zone().getId())
                .bind("startsOn", plan.start().toLocalDate()).bind("until", r.until().orElse(null))
                .bind("count", r.count().orElse(null)).bind("exceptions", exceptions)
                .mapTo(UUID.class).one();
    }

    private static Lesson insertLesson(Handle h, LessonPlan plan, UUID seriesId, Instant start) {
        return h.createQuery("""
                        insert into lessons as l (series_id, teacher_id, group_id, title, kind, starts_at, duration_minutes,
                                                  capacity, is_open, location, meeting_url)
                        values (:series, :teacher, :group, :title, :kind, :start, :duration, :capacity, :open, :location,
                                :meetingUrl)
                        returning """ + " " + LessonRows.COLUMNS)
                .bind("series", seriesId).bind("teacher", plan.teacherId()).bind("group", plan.groupId().orElse(null))
                .bind("title", plan.title()).bind("kind", plan.kind().sqlName()).bind("start", start)
                .bind("duration", plan.durationMinutes()).bind("capacity", plan.capacity().orElse(null))
                .bind("open", plan.open()).bind("location", plan.location().orElse(null))
                .bind("meetingUrl", plan.meetingUrl().orElse(null))
                .map(LessonRows::mapLesson).one();
    }
}
