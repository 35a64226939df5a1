package il.co.voicely.app.lessons;

import il.co.voicely.app.auth.Access;
import il.co.voicely.app.auth.ForbiddenException;
import il.co.voicely.app.auth.Forms;
import il.co.voicely.app.web.ErrorPages;
import il.co.voicely.app.web.Pages;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.learning.Attendance;
import il.co.voicely.core.learning.AttendanceMark;
import il.co.voicely.core.learning.CancellationTooLateException;
import il.co.voicely.core.learning.Enrolments;
import il.co.voicely.core.learning.Groups;
import il.co.voicely.core.learning.InvalidLessonException;
import il.co.voicely.core.learning.Lesson;
import il.co.voicely.core.learning.LessonConflictException;
import il.co.voicely.core.learning.LessonNotFoundException;
import il.co.voicely.core.learning.LessonNotJoinableException;
import il.co.voicely.core.learning.NotEnrolledException;
import il.co.voicely.core.learning.Participant;
import il.co.voicely.core.learning.Scheduling;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import il.co.voicely.app.analytics.Tracking;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A lesson's page and what people do there: students join and leave, teachers mark attendance (htmx),
 * move or cancel one occurrence; and {@code /lessons/new} where teachers and admins schedule.
 */
public final class LessonService implements HttpService {

    private final Pages pages;
    private final ErrorPages errors;
    private final LessonPages lessonPages;
    private final Scheduling scheduling;
    private final Enrolments enrolments;
    private final Attendance attendance;
    private final Groups groups;
    private final Clock clock;
    private final Tracking tracking;

    @Inject
    LessonService(Pages pages, ErrorPages errors, LessonPages lessonPages, Scheduling scheduling, Enrolments enrolments,
                  Attendance attendance, Groups groups, Clock clock, Tracking tracking) {
        this.tracking = tracking;
        this.pages = pages;
        this.errors = errors;
        this.lessonPages = lessonPages;
        this.scheduling = scheduling;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.groups = groups;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/lessons/new", (req, res) -> newForm(req, res, staff(req),
                LessonForm.blank(LessonTimes.today(clock).plusDays(1)), Status.OK_200, null));
        rules.post("/lessons/new", this::create);
        rules.get("/lessons/{id}", found((req, res, me, id) -> show(req, res, me, id, Status.OK_200, null, "")));
        rules.post("/lessons/{id}/join", found(this::join));
        rules.post("/lessons/{id}/leave", found(this::leave));
        rules.post("/lessons/{id}/attendance", found(this::mark));
        rules.post("/lessons/{id}/cancel", found((req, res, me, id) -> {
            scheduling.cancel(me.context(), id);
            back(res, id);
        }));
        rules.post("/lessons/{id}/reschedule", found(this::reschedule));
    }

    /** A lesson action, given the signed-in user and the lesson's id. */
    @FunctionalInterface
    private interface LessonAction {
        void handle(ServerRequest req, ServerResponse res, AuthenticatedUser me, UUID lessonId);
    }

    /** Signs in first; answers 404 for a malformed id or a lesson the user may not see. */
    private Handler found(LessonAction action) {
        return (req, res) -> {
            AuthenticatedUser me = Access.user(req);
            Optional<UUID> id = uuid(req.path().pathParameters().get("id"));
            if (id.isEmpty()) {
                errors.notFound(req, res);
                return;
            }
            try {
                action.handle(req, res, me, id.get());
            } catch (LessonNotFoundException e) {
                errors.notFound(req, res);
            }
        };
    }

    private void show(ServerRequest req, ServerResponse res, AuthenticatedUser me, UUID id, Status status, String errorKey,
                      String errorArg) {
        Optional<LessonPage> page = lessonPages.page(me, id, pages.lang(req));
        if (page.isEmpty()) {
            errors.notFound(req, res);
            return;
        }
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, status, "lessons/lesson.jte", Map.of("lesson", page.get().withError(errorKey, errorArg),
                "joined", req.query().first("joined").asOptional().isPresent()));
    }

    private void join(ServerRequest req, ServerResponse res, AuthenticatedUser me, UUID id) {
        try {
            enrolments.join(me.context(), id);
            back(res, id);
        } catch (LessonNotJoinableException e) {
            show(req, res, me, id, Status.CONFLICT_409, "lessons.error.not_joinable", "");
        }
    }

    private void leave(ServerRequest req, ServerResponse res, AuthenticatedUser me, UUID id) {
        try {
            enrolments.leave(me.context(), id);
            back(res, id);
        } catch (CancellationTooLateException e) {
            LessonTimes times = new LessonTimes(pages.lang(req));
            show(req, res, me, id, Status.CONFLICT_409, "lessons.error.too_late",
                    times.day(times.date(e.deadline())) + " " + times.time(e.deadline()));
        }
    }

    private void mark(ServerRequest req, ServerResponse res, AuthenticatedUser me, UUID id) {
        Parameters form = Forms.of(req);
        Optional<UUID> student = uuid(Forms.text(form, "student"));
        Optional<AttendanceMark> mark = enumValue(Forms.text(form, "mark"));
        if (student.isEmpty() || mark.isEmpty()) {
            res.status(Status.BAD_REQUEST_400).send();
            return;
        }
        // The lesson counts as held at its first attendance mark, not at every student's.
        boolean firstMark = enrolments.participants(me.context(), id).stream().allMatch(p -> p.attendance().isEmpty());
        try {
            attendance.mark(me.context(), id, student.get(), mark.get());
        } catch (NotEnrolledException e) {
            show(req, res, me, id, Status.CONFLICT_409, "lessons.error.not_enrolled", "");
            return;
        }
        if (firstMark) {
            tracking.lessonHeld(me, id);
        }
        if (req.headers().contains(HeaderNames.create("HX-Request"))) {
            Participant updated = enrolments.participants(me.context(), id).stream()
                    .filter(p -> p.userId().equals(student.get())).findFirst().orElseThrow();
            String name = lessonPages.page(me, id, pages.lang(req)).orElseThrow().participants().stream()
                    .filter(r -> r.userId().equals(student.get())).map(LessonPage.Row::name).findFirst().orElse("");
            pages.render(req, res, Status.OK_200, "lessons/participant.jte", Map.of("row", LessonPages.row(updated, name)));
            return;
        }
        back(res, id);
    }

    private void reschedule(ServerRequest req, ServerResponse res, AuthenticatedUser me, UUID id) {
        Parameters form = Forms.of(req);
        try {
            LocalDateTime start = LocalDateTime.of(LocalDate.parse(Forms.text(form, "date")), LocalTime.parse(Forms.text(form, "time")));
            scheduling.reschedule(me.context(), id, start.atZone(LessonTimes.ZONE));
            back(res, id);
        } catch (DateTimeParseException | InvalidLessonException e) {
            show(req, res, me, id, Status.BAD_REQUEST_400, "lessons.error.reschedule", "");
        } catch (LessonConflictException e) {
            show(req, res, me, id, Status.CONFLICT_409, "lessons.error.conflict", e.clashing().title());
        }
    }

    private void create(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = staff(req);
        LessonForm form = LessonForm.read(Forms.of(req), me.userId());
        if (form.plan().isEmpty()) {
            newForm(req, res, me, form, Status.BAD_REQUEST_400, null);
            return;
        }
        try {
            List<Lesson> created = scheduling.schedule(me.context(), form.plan().get());
            back(res, created.getFirst().id());
        } catch (LessonConflictException e) {
            LessonTimes times = new LessonTimes(pages.lang(req));
            Lesson clash = e.clashing();
            newForm(req, res, me, form, Status.CONFLICT_409, new String[] {clash.title(),
                    times.day(times.date(clash.startsAt())) + " " + times.time(clash.startsAt())});
        } catch (InvalidLessonException e) {
            form.view().formError("lessons.input.past");
            newForm(req, res, me, form, Status.BAD_REQUEST_400, null);
        }
    }

    private void newForm(ServerRequest req, ServerResponse res, AuthenticatedUser me, LessonForm form, Status status,
                         String[] conflict) {
        Map<String, Object> params = new HashMap<>();
        params.put("form", form.view());
        params.put("days", form.days());
        params.put("groups", groups.list(me.context()));
        params.put("conflict", conflict);
        pages.render(req, res, status, "lessons/new.jte", params);
    }

    private static AuthenticatedUser staff(ServerRequest req) {
        AuthenticatedUser me = Access.user(req);
        if (!me.has(Role.TEACHER) && !me.has(Role.ADMIN)) {
            throw new ForbiddenException("scheduling needs role teacher or admin");
        }
        return me;
    }

    private static void back(ServerResponse res, UUID id) {
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/lessons/" + id).send();
    }

    private static Optional<AttendanceMark> enumValue(String text) {
        try {
            return Optional.of(AttendanceMark.valueOf(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
