package il.co.voicely.app.groups;

import il.co.voicely.app.AppSettings;
import il.co.voicely.app.auth.Access;
import il.co.voicely.app.auth.ForbiddenException;
import il.co.voicely.app.auth.Forms;
import il.co.voicely.app.web.ErrorPages;
import il.co.voicely.app.web.Pages;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.core.learning.Group;
import il.co.voicely.core.learning.GroupMember;
import il.co.voicely.core.learning.GroupNotFoundException;
import il.co.voicely.core.learning.Groups;
import il.co.voicely.core.learning.Lesson;
import il.co.voicely.core.learning.LessonPlan;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /groups}: the groups a user sees (all for staff, their own for students), creating one, and a
 * group's page with its members (the teacher adds by e-mail and removes), its coming lessons and join link.
 */
public final class GroupsService implements HttpService {

    private static final Duration SCHEDULE_AHEAD = Duration.ofDays(8 * 7);

    private final Pages pages;
    private final ErrorPages errors;
    private final Groups groups;
    private final Database db;
    private final AppSettings settings;
    private final Clock clock;

    @Inject
    GroupsService(Pages pages, ErrorPages errors, Groups groups, Database db, AppSettings settings, Clock clock) {
        this.pages = pages;
        this.errors = errors;
        this.groups = groups;
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/groups", (req, res) -> list(req, res, Status.OK_200, null));
        rules.post("/groups", this::create);
        rules.get("/groups/{id}", (req, res) -> withGroup(req, res, (me, group) -> show(req, res, me, group, Status.OK_200, null)));
        rules.post("/groups/{id}/members", (req, res) -> withGroup(req, res, (me, group) -> addMember(req, res, me, group)));
        rules.post("/groups/{id}/members/remove", (req, res) -> withGroup(req, res, (me, group) -> {
            parse(Forms.text(Forms.of(req), "user")).ifPresent(user -> groups.removeMember(me.context(), group.id(), user));
            back(res, group.id());
        }));
    }

    private interface GroupAction {
        void handle(AuthenticatedUser me, Group group);
    }

    private void withGroup(ServerRequest req, ServerResponse res, GroupAction action) {
        AuthenticatedUser me = Access.user(req);
        Optional<Group> group = parse(req.path().pathParameters().get("id")).flatMap(id -> groups.find(me.context(), id));
        if (group.isEmpty()) {
            errors.notFound(req, res);
            return;
        }
        try {
            action.handle(me, group.get());
        } catch (GroupNotFoundException e) {
            errors.notFound(req, res);
        }
    }

    private void list(ServerRequest req, ServerResponse res, Status status, String errorKey) {
        AuthenticatedUser me = Access.user(req);
        Map<String, Object> params = new HashMap<>();
        params.put("groups", groups.list(me.context()));
        params.put("staff", staff(me));
        params.put("errorKey", errorKey);
        pages.render(req, res, status, "groups/groups.jte", params);
    }

    private void create(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        if (!staff(me)) {
            throw new ForbiddenException("creating groups needs role teacher or admin");
        }
        String name = Forms.text(Forms.of(req), "name");
        String description = Forms.text(Forms.of(req), "description");
        if (name.isEmpty() || name.length() > 200) {
            list(req, res, Status.BAD_REQUEST_400, "groups.input.name");
            return;
        }
        Group group = groups.create(me.context(), me.userId(), name, description.isEmpty() ? Optional.empty() : Optional.of(description));
        back(res, group.id());
    }

    private void show(ServerRequest req, ServerResponse res, AuthenticatedUser me, Group group, Status status, String errorKey) {
        boolean leads = me.has(Role.ADMIN) || group.teacherId().filter(me.userId()::equals).isPresent();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEEE, d MMMM · HH:mm", pages.lang(req).locale())
                .withZone(LessonPlan.SCHOOL_ZONE);
        List<Lesson> lessons = groups.schedule(me.context(), group.id(), clock.instant(), clock.instant().plus(SCHEDULE_AHEAD));
        Map<String, Object> params = new HashMap<>();
        params.put("group", group);
        params.put("leads", leads);
        params.put("members", leads ? groups.members(me.context(), group.id()) : List.<GroupMember>of());
        params.put("lessons", lessons.stream().map(l -> new GroupLesson(l.id(), l.title(), when.format(l.startsAt()))).toList());
        params.put("joinUrl", leads ? settings.baseUrl().resolve("/join/" + groups.joinCode(me.context(), group.id(), false)).toString() : null);
        params.put("errorKey", errorKey);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, status, "groups/group.jte", params);
    }

    private void addMember(ServerRequest req, ServerResponse res, AuthenticatedUser me, Group group) {
        String email = Forms.text(Forms.of(req), "email").toLowerCase(Locale.ROOT);
        // Staff may read accounts (row-level security), so the look-up runs as the teacher.
        Optional<UUID> user = db.inContext(me.context(), h -> h.createQuery("select id from users where lower(email) = :email")
                .bind("email", email).mapTo(UUID.class).findOne());
        if (user.isEmpty()) {
            show(req, res, me, group, Status.BAD_REQUEST_400, "groups.input.unknown_email");
            return;
        }
        groups.addMember(me.context(), group.id(), user.get());
        back(res, group.id());
    }

    /** One of the group's coming lessons, ready to print. */
    public record GroupLesson(UUID id, String title, String when) {
    }

    private static boolean staff(AuthenticatedUser me) {
        return me.has(Role.TEACHER) || me.has(Role.ADMIN);
    }

    private static void back(ServerResponse res, UUID id) {
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/groups/" + id).send();
    }

    private static Optional<UUID> parse(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
