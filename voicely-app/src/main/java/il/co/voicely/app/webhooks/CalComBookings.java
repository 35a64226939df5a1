package il.co.voicely.app.webhooks;

import il.co.voicely.app.analytics.Tracking;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.learning.Enrolments;
import il.co.voicely.core.learning.InvalidLessonException;
import il.co.voicely.core.learning.Lesson;
import il.co.voicely.core.learning.LessonConflictException;
import il.co.voicely.core.learning.LessonPlan;
import il.co.voicely.core.learning.LessonStatus;
import il.co.voicely.core.learning.Scheduling;
import il.co.voicely.integrations.calcom.CalComEvent;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code calcom_bookings} and the lessons they stand for in step with Cal.com's webhooks.
 *
 * <p>Cal.com may deliver twice and out of order, so every event is applied against what is stored:
 * {@code cancelled} and {@code rescheduled} are final (a late BOOKING_CREATED for a booking we already saw
 * cancelled changes nothing), a redelivered event finds its work done. All booking events are applied one
 * at a time under one advisory lock: they are rare, and a reschedule touches two bookings.
 */
final class CalComBookings {

    private static final Logger log = LoggerFactory.getLogger(CalComBookings.class);
    private static final SessionContext SYSTEM = SessionContext.system();

    /** A booking row as far as syncing needs it. */
    private record Row(String uid, String status, Optional<UUID> lessonId) {
        boolean finished() {
            return status.equals("cancelled") || status.equals("rescheduled");
        }
    }

    private final Database db;
    private final Scheduling scheduling;
    private final Enrolments enrolments;
    private final LessonReminders reminders;
    private final Tracking tracking;

    CalComBookings(Database db, Scheduling scheduling, Enrolments enrolments, LessonReminders reminders, Tracking tracking) {
        this.tracking = tracking;
        this.db = db;
        this.scheduling = scheduling;
        this.enrolments = enrolments;
        this.reminders = reminders;
    }

    /** Another job is applying a booking event right now; this one is retried by the scheduler. */
    static final class BookingsBusyException extends RuntimeException {
        BookingsBusyException() {
            super("another Cal.com booking event is being applied; retrying later");
        }
    }

    void apply(CalComEvent event, String rawJson) {
        boolean firstSeen = db.inContext(SYSTEM, h -> {
            // Try, not wait: a job thread waiting on the lock would hold a pooled connection the holder may need.
            boolean locked = h.createQuery("select pg_try_advisory_xact_lock(hashtextextended('voicely:calcom-bookings', 0))")
                    .mapTo(boolean.class).one();
            if (!locked) {
                throw new BookingsBusyException();
            }
            switch (event) {
                case CalComEvent.BookingCreated created -> {
                    return created(h, created.booking(), rawJson);
                }
                case CalComEvent.BookingCancelled cancelled -> cancelled(h, cancelled.booking(), cancelled.cancellationReason(), rawJson);
                case CalComEvent.BookingRescheduled moved -> rescheduled(h, moved, rawJson);
                case CalComEvent.MeetingEnded ended -> log.debug("Cal.com meeting {} ended", ended.booking().uid());
                case CalComEvent.Other other -> log.debug("Cal.com {} ignored", other.triggerEvent());
            }
            return false;
        });
        // After the commit, so a rolled-back and retried event is counted once.
        if (firstSeen && event instanceof CalComEvent.BookingCreated created) {
            tracking.bookingCreated(created.booking().eventTypeId().isPresent()
                    ? Long.toString(created.booking().eventTypeId().getAsLong()) : "unknown");
        }
    }

    /** Applies a new booking; true when it was not stored before (a redelivery or a late event is not a new booking). */
    private boolean created(Handle h, CalComEvent.BookingDetails booking, String rawJson) {
        Optional<Row> stored = find(h, booking.uid());
        if (stored.isPresent() && (stored.get().finished() || stored.get().lessonId().isPresent())) {
            return false;
        }
        upsert(h, booking, "accepted", Optional.empty(), Optional.empty(), rawJson);
        createLesson(booking).ifPresent(lesson -> linkLesson(h, booking.uid(), lesson));
        return stored.isEmpty();
    }

    private void cancelled(Handle h, CalComEvent.BookingDetails booking, Optional<String> reason, String rawJson) {
        Optional<Row> stored = find(h, booking.uid());
        upsert(h, booking, "cancelled", reason, Optional.empty(), rawJson);
        stored.flatMap(Row::lessonId).ifPresent(this::cancelLesson);
    }

    private void rescheduled(Handle h, CalComEvent.BookingRescheduled moved, String rawJson) {
        CalComEvent.BookingDetails booking = moved.booking();
        Optional<Row> stored = find(h, booking.uid());
        Optional<Row> previous = find(h, moved.previousUid());
        if (stored.isPresent() && stored.get().finished()) {
            // The new booking was already cancelled: the lesson of the old one must not survive it.
            previous.flatMap(Row::lessonId).ifPresent(this::cancelLesson);
            finishPrevious(h, moved, booking);
            return;
        }
        if (stored.isPresent() && stored.get().lessonId().isPresent()) {
            return;
        }
        upsert(h, booking, "accepted", Optional.empty(), Optional.of(moved.previousUid()), rawJson);
        Optional<Lesson> lesson = previous.flatMap(Row::lessonId).flatMap(id -> moveLesson(id, booking))
                .or(() -> createLesson(booking));
        lesson.ifPresent(l -> linkLesson(h, booking.uid(), l));
        finishPrevious(h, moved, booking);
    }

    /** Marks the old booking rescheduled, inserting a placeholder when its own BOOKING_CREATED has not arrived yet. */
    private static void finishPrevious(Handle h, CalComEvent.BookingRescheduled moved, CalComEvent.BookingDetails booking) {
        h.createUpdate("""
                        insert into calcom_bookings (uid, title, starts_at, ends_at, status)
                        values (:uid, :title, :start, :end, 'rescheduled')
                        on conflict (uid) do update set status = 'rescheduled', lesson_id = null""")
                .bind("uid", moved.previousUid()).bind("title", booking.title())
                .bind("start", utc(moved.previousStart().orElse(booking.start())))
                .bind("end", utc(moved.previousEnd().orElse(booking.end())))
                .execute();
    }

    private static Optional<Row> find(Handle h, String uid) {
        return h.createQuery("select uid, status, lesson_id from calcom_bookings where uid = :uid for update")
                .bind("uid", uid)
                .map((rs, ctx) -> new Row(rs.getString("uid"), rs.getString("status"),
                        Optional.ofNullable(rs.getObject("lesson_id", UUID.class))))
                .findOne();
    }

    private static void upsert(Handle h, CalComEvent.BookingDetails b, String status, Optional<String> reason,
                               Optional<String> rescheduledFrom, String rawJson) {
        Optional<CalComEvent.Person> attendee = b.attendees().stream().findFirst();
        h.createUpdate("""
                        insert into calcom_bookings (uid, calcom_id, calcom_event_type_id, teacher_id, student_id, attendee_email,
                                                     attendee_name, attendee_phone, title, starts_at, ends_at, status,
                                                     rescheduled_from_uid, cancellation_reason, location, payload)
                        values (:uid, :calcomId, :eventTypeId,
                                (select id from users where email = :organizer), (select id from users where email = :attendee),
                                :attendee, :attendeeName, :phone, :title, :start, :end, :status, :from, :reason, :location,
                                cast(:payload as jsonb))
                        on conflict (uid) do update
                           set calcom_id = excluded.calcom_id, calcom_event_type_id = excluded.calcom_event_type_id,
                               teacher_id = excluded.teacher_id, student_id = excluded.student_id,
                               attendee_email = excluded.attendee_email, attendee_name = excluded.attendee_name,
                               attendee_phone = excluded.attendee_phone, title = excluded.title,
                               starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                               status = case when calcom_bookings.status in ('cancelled', 'rescheduled')
                                             then calcom_bookings.status else excluded.status end,
                               rescheduled_from_uid = coalesce(excluded.rescheduled_from_uid, calcom_bookings.rescheduled_from_uid),
                               cancellation_reason = coalesce(excluded.cancellation_reason, calcom_bookings.cancellation_reason),
                               location = excluded.location, payload = excluded.payload""")
                .bind("uid", b.uid())
                .bind("calcomId", b.bookingId().isPresent() ? b.bookingId().getAsLong() : null)
                .bind("eventTypeId", b.eventTypeId().isPresent() ? b.eventTypeId().getAsLong() : null)
                .bind("organizer", b.organizer().map(p -> p.email().toLowerCase(java.util.Locale.ROOT)).orElse(null))
                .bind("attendee", attendee.map(p -> p.email().toLowerCase(java.util.Locale.ROOT)).orElse(null))
                .bind("attendeeName", attendee.map(CalComEvent.Person::name).orElse(null))
                .bind("phone", b.bookerPhoneNumber().or(() -> attendee.flatMap(CalComEvent.Person::phoneNumber)).orElse(null))
                .bind("title", b.title()).bind("start", utc(b.start())).bind("end", utc(b.end()))
                .bind("status", status).bind("from", rescheduledFrom.orElse(null)).bind("reason", reason.orElse(null))
                .bind("location", b.location().orElse(null)).bind("payload", rawJson)
                .execute();
    }

    private void linkLesson(Handle h, String uid, Lesson lesson) {
        h.createUpdate("update calcom_bookings set lesson_id = :lesson where uid = :uid")
                .bind("lesson", lesson.id()).bind("uid", uid).execute();
        reminders.schedule(lesson.id(), lesson.startsAt());
    }

    /**
     * The lesson a booking stands for, taught by the organizer when they are one of our teachers. A booking
     * we cannot turn into a lesson (unknown teacher, an odd length, a clash) stays a booking, logged.
     */
    private Optional<Lesson> createLesson(CalComEvent.BookingDetails b) {
        Optional<UUID> teacher = b.organizer().flatMap(p -> db.inContext(SYSTEM, h -> h.createQuery("""
                        select u.id from users u join user_roles r on r.user_id = u.id and r.role in ('teacher', 'admin')
                         where u.email = :email limit 1""")
                .bind("email", p.email().toLowerCase(java.util.Locale.ROOT)).mapTo(UUID.class).findOne()));
        if (teacher.isEmpty()) {
            log.warn("Cal.com booking {}: organizer {} is not one of our teachers; no lesson created", b.uid(),
                    b.organizer().map(CalComEvent.Person::email).orElse("(none)"));
            return Optional.empty();
        }
        int minutes = (int) Duration.between(b.start(), b.end()).toMinutes();
        LocalDateTime localStart = LocalDateTime.ofInstant(b.start(), LessonPlan.SCHOOL_ZONE);
        try {
            Lesson lesson = scheduling.schedule(SYSTEM, LessonPlan.of(teacher.get(), b.title(), localStart, minutes)).getFirst();
            b.attendees().forEach(attendee -> studentByEmail(attendee.email()).ifPresent(student -> enrol(lesson, student)));
            return Optional.of(lesson);
        } catch (InvalidLessonException | LessonConflictException e) {
            log.warn("Cal.com booking {}: no lesson created: {}", b.uid(), e.getMessage());
            return Optional.empty();
        }
    }

    private void enrol(Lesson lesson, UUID student) {
        try {
            enrolments.invite(SYSTEM, lesson.id(), student);
        } catch (RuntimeException e) {
            // The lesson stands; a teacher can add the student by hand.
            log.warn("Lesson {}: could not enrol booked student {}: {}", lesson.id(), student, e.getMessage());
        }
    }

    private Optional<Lesson> moveLesson(UUID lessonId, CalComEvent.BookingDetails b) {
        try {
            Lesson moved = scheduling.reschedule(SYSTEM, lessonId, b.start().atZone(LessonPlan.SCHOOL_ZONE));
            return Optional.of(moved);
        } catch (InvalidLessonException | LessonConflictException e) {
            log.warn("Cal.com booking {}: lesson {} not moved: {}", b.uid(), lessonId, e.getMessage());
            return Optional.empty();
        }
    }

    private void cancelLesson(UUID lessonId) {
        Optional<Lesson> lesson = scheduling.lesson(SYSTEM, lessonId);
        if (lesson.isPresent() && lesson.get().status() != LessonStatus.CANCELLED) {
            scheduling.cancel(SYSTEM, lessonId);
        }
        reminders.cancel(lessonId);
    }

    private Optional<UUID> studentByEmail(String email) {
        return db.inContext(SYSTEM, h -> h.createQuery("""
                        select u.id from users u join user_roles r on r.user_id = u.id and r.role = 'student'
                         where u.email = :email""")
                .bind("email", email.toLowerCase(java.util.Locale.ROOT)).mapTo(UUID.class).findOne());
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
