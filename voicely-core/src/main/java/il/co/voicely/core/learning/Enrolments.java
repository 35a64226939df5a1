package il.co.voicely.core.learning;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.PermissionDeniedException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Places in lessons: joining (directly, by a join link's code, or invited by the teacher), the waitlist
 * when a lesson is full, and leaving under the school's cut-off.
 *
 * <pre>{@code
 * Enrolments enrolments = new Enrolments(db, EnrolmentPolicy.defaults(), clock);
 * String code = enrolments.joinCode(teacher.context(), lessonId);          // share /join/<code>
 * Participant place = enrolments.joinByCode(student.context(), code);     // ENROLLED or WAITLISTED
 * List<WaitlistPromotion> notify = enrolments.leave(other.context(), lessonId);
 * }</pre>
 *
 * <p>Every change to a lesson's places takes the lesson's advisory lock first, so two students racing
 * for the last place are served one after the other, on any number of app instances: exactly one is
 * enrolled and the other waitlisted. Somebody joins the waitlist rather than a free place while others are
 * already waiting, so nobody jumps the queue.
 *
 * <p>Promoting from the waitlist touches other students' rows, which a student's own context may not do;
 * it runs right after their change, in its own transaction, as {@link SessionContext#system()}.
 */
public final class Enrolments {

    private final Database db;
    private final EnrolmentPolicy policy;
    private final Clock clock;

    public Enrolments(Database db, EnrolmentPolicy policy, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The signed-in student takes a place in a lesson they may join (an open lesson or one of their
     * group's), or a place on its waitlist when it is full. Joining twice returns the existing place.
     *
     * @throws LessonNotFoundException     when the student cannot see the lesson
     * @throws LessonNotJoinableException  when it is cancelled or has started
     */
    public Participant join(SessionContext student, UUID lessonId) {
        UUID me = LessonRows.actingUser(student);
        return mapDenied(student, () -> db.inContext(student, h -> enrol(h, lessonId, me)));
    }

    /**
     * Joins with the code from a join link: a lesson's code gives a place in that lesson; a group's code
     * makes the student a member of the group, whose lessons they can then join.
     *
     * <p>The code is the invitation, so the look-up and the write run as {@code system}, for the signed-in
     * user only (the student could not see the lesson before).
     *
     * @return the place taken, or empty when the code was a group's
     * @throws UnknownJoinCodeException when no lesson or group has this code
     */
    public Optional<Participant> joinByCode(SessionContext student, String code) {
        UUID me = LessonRows.actingUser(student);
        String normalised = LessonRows.normaliseCode(code);
        return db.inContext(SessionContext.system(), h -> {
            Optional<UUID> lesson = h.createQuery("select id from lessons where join_code = :code")
                    .bind("code", normalised).mapTo(UUID.class).findOne();
            if (lesson.isPresent()) {
                return Optional.of(enrol(h, lesson.get(), me));
            }
            UUID group = h.createQuery("select id from groups where join_code = :code and active")
                    .bind("code", normalised).mapTo(UUID.class).findOne()
                    .orElseThrow(() -> new UnknownJoinCodeException(normalised));
            h.createUpdate("insert into group_members (group_id, user_id) values (:group, :user) on conflict do nothing")
                    .bind("group", group).bind("user", me).execute();
            return Optional.<Participant>empty();
        });
    }

    /**
     * The lesson's teacher (or an admin) gives a student a place, or a waitlist place when it is full.
     *
     * @throws PermissionDeniedException when the actor does not teach the lesson
     */
    public Participant invite(SessionContext teacher, UUID lessonId, UUID studentId) {
        return mapDenied(teacher, () -> db.inContext(teacher, h -> enrol(h, lessonId, studentId)));
    }

    /**
     * The lesson's join code, created on first use; share it as a link. {@code regenerate} replaces it, so
     * the old link stops working.
     */
    public String joinCode(SessionContext teacher, UUID lessonId, boolean regenerate) {
        return db.inContext(teacher, h -> {
            Lesson lesson = LessonRows.find(h, lessonId).orElseThrow(() -> new LessonNotFoundException(lessonId));
            String code = LessonRows.newJoinCode();
            Optional<String> stored = h.createQuery("""
                            update lessons set join_code = case when join_code is null or :regenerate then :code else join_code end
                             where id = :id returning join_code""")
                    .bind("regenerate", regenerate).bind("code", code).bind("id", lesson.id())
                    .mapTo(String.class).findOne();
            return stored.orElseThrow(() -> new PermissionDeniedException(teacher.userId().orElse(null), "lessons.schedule",
                    "only the lesson's teacher or an admin may share lesson " + lessonId));
        });
    }

    /**
     * The signed-in student gives up their place (or waitlist place). An enrolled student may do so only
     * until the policy's cut-off before the start.
     *
     * @return the students promoted from the waitlist into the freed place: tell them
     * @throws CancellationTooLateException when the cut-off has passed
     */
    public List<WaitlistPromotion> leave(SessionContext student, UUID lessonId) {
        UUID me = LessonRows.actingUser(student);
        boolean left = db.inContext(student, h -> {
            LessonRows.lockSeats(h, lessonId);
            Lesson lesson = LessonRows.find(h, lessonId).orElseThrow(() -> new LessonNotFoundException(lessonId));
            Optional<Participant> place = LessonRows.participant(h, lessonId, me);
            if (place.isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            boolean boundByCutoff = student.role() == Role.STUDENT || student.role() == Role.ANONYMOUS;
            if (boundByCutoff && place.get().status() == ParticipantStatus.ENROLLED
                    && now.isAfter(lesson.startsAt().minus(policy.cancellationCutoff()))) {
                throw new CancellationTooLateException(lessonId, lesson.startsAt(), policy.cancellationCutoff());
            }
            h.createUpdate("delete from lesson_participants where lesson_id = :lesson and user_id = :user")
                    .bind("lesson", lessonId).bind("user", me).execute();
            return true;
        });
        return left ? promote(lessonId) : List.of();
    }

    /**
     * The teacher (or an admin) takes a student out of a lesson, at any time.
     *
     * @return the students promoted from the waitlist: tell them
     */
    public List<WaitlistPromotion> remove(SessionContext teacher, UUID lessonId, UUID studentId) {
        int removed = db.inContext(teacher, h -> {
            LessonRows.lockSeats(h, lessonId);
            LessonRows.find(h, lessonId).orElseThrow(() -> new LessonNotFoundException(lessonId));
            boolean mayEdit = h.createQuery("select voicely_is_admin() or voicely_teaches_lesson(:id)")
                    .bind("id", lessonId).mapTo(boolean.class).one();
            if (!mayEdit) {
                throw new PermissionDeniedException(teacher.userId().orElse(null), "lessons.schedule",
                        "only the lesson's teacher or an admin may remove participants of lesson " + lessonId);
            }
            return h.createUpdate("delete from lesson_participants where lesson_id = :lesson and user_id = :user")
                    .bind("lesson", lessonId).bind("user", studentId).execute();
        });
        return removed > 0 ? promote(lessonId) : List.of();
    }

    /** The lesson's participants in the order of their places (the teacher's view; a student sees only their own row). */
    public List<Participant> participants(SessionContext actor, UUID lessonId) {
        return db.inContext(actor, h -> h.createQuery("select " + LessonRows.PARTICIPANT_COLUMNS + """
                         from lesson_participants p
                        where p.lesson_id = :lesson
                        order by case p.status when 'enrolled' then 0 when 'waitlisted' then 1 else 2 end,
                                 p.waitlist_position nulls first, p.created_at""")
                .bind("lesson", lessonId).map(LessonRows::mapParticipant).list());
    }

    /**
     * Fills free places from the head of the waitlist and closes gaps in its numbering. Called after every
     * departure; safe to call any time (a job may, should a process have died in between).
     */
    public List<WaitlistPromotion> promote(UUID lessonId) {
        return db.inContext(SessionContext.system(), h -> {
            LessonRows.lockSeats(h, lessonId);
            Optional<Lesson> found = LessonRows.find(h, lessonId);
            if (found.isEmpty() || found.get().status() != LessonStatus.SCHEDULED
                    || !found.get().startsAt().isAfter(clock.instant())) {
                return List.<WaitlistPromotion>of();
            }
            Lesson lesson = found.get();
            Instant now = clock.instant();
            List<WaitlistPromotion> promoted = new ArrayList<>();
            while (lesson.capacity().isEmpty() || seats(h, lessonId).enrolled() < lesson.capacity().get()) {
                Optional<UUID> next = h.createQuery("""
                                update lesson_participants set status = 'enrolled', waitlist_position = null
                                 where lesson_id = :lesson and status = 'waitlisted'
                                   and waitlist_position = (select min(waitlist_position) from lesson_participants
                                                             where lesson_id = :lesson and status = 'waitlisted')
                                returning user_id""")
                        .bind("lesson", lessonId).mapTo(UUID.class).findOne();
                if (next.isEmpty()) {
                    break;
                }
                promoted.add(new WaitlistPromotion(lessonId, next.get(), lesson.title(), lesson.startsAt(), now));
            }
            h.createUpdate("""
                    update lesson_participants p set waitlist_position = r.position
                      from (select user_id, row_number() over (order by waitlist_position)::integer as position
                              from lesson_participants where lesson_id = :lesson and status = 'waitlisted') r
                     where p.lesson_id = :lesson and p.user_id = r.user_id and p.waitlist_position <> r.position""")
                    .bind("lesson", lessonId).execute();
            return promoted;
        });
    }

    private Participant enrol(Handle h, UUID lessonId, UUID userId) {
        LessonRows.lockSeats(h, lessonId);
        Lesson lesson = LessonRows.find(h, lessonId).orElseThrow(() -> new LessonNotFoundException(lessonId));
        if (lesson.status() != LessonStatus.SCHEDULED) {
            throw new LessonNotJoinableException(lessonId, "it is " + lesson.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!lesson.startsAt().isAfter(clock.instant())) {
            throw new LessonNotJoinableException(lessonId, "it started at " + lesson.startsAt());
        }
        Optional<Participant> existing = LessonRows.participant(h, lessonId, userId);
        if (existing.isPresent() && existing.get().status() != ParticipantStatus.CANCELLED) {
            return existing.get();
        }
        existing.ifPresent(cancelled -> h.createUpdate("delete from lesson_participants where lesson_id = :lesson and user_id = :user")
                .bind("lesson", lessonId).bind("user", userId).execute());
        Seats seats = seats(h, lessonId);
        boolean placeFree = lesson.capacity().isEmpty() || seats.enrolled() < lesson.capacity().get();
        boolean enrolled = placeFree && seats.lastWaitlistPosition() == 0;
        return h.createQuery("""
                        insert into lesson_participants as p (lesson_id, user_id, status, waitlist_position)
                        values (:lesson, :user, :status, :position)
                        returning """ + " " + LessonRows.PARTICIPANT_COLUMNS)
                .bind("lesson", lessonId).bind("user", userId)
                .bind("status", enrolled ? "enrolled" : "waitlisted")
                .bind("position", enrolled ? null : seats.lastWaitlistPosition() + 1)
                .map(LessonRows::mapParticipant).one();
    }

    private static Seats seats(Handle h, UUID lessonId) {
        return h.createQuery("select enrolled, last_waitlist_position from voicely_lesson_seats(:lesson)")
                .bind("lesson", lessonId)
                .map((rs, ctx) -> new Seats(rs.getInt("enrolled"), rs.getInt("last_waitlist_position"))).one();
    }

    private static <T> T mapDenied(SessionContext actor, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (LessonRows.deniedByPolicy(e)) {
                throw new PermissionDeniedException(actor.userId().orElse(null), "lessons.join",
                        "the lesson is neither open nor one of the student's groups', and the actor does not teach it");
            }
            throw e;
        }
    }

    private record Seats(int enrolled, int lastWaitlistPosition) {
    }
}
