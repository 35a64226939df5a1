package il.co.voicely.app.dashboard;

import il.co.voicely.app.auth.Access;
import il.co.voicely.app.web.Pages;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.gamification.celebrate.Celebrations;
import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /dashboard}: a student's home with the seven metric cards and their celebrations; teachers and admins
 * get a short staff variant. {@code POST /dashboard/celebrations/{id}/seen} dismisses a celebration (htmx
 * swaps the card away; without script the form posts and comes back here).
 */
public final class DashboardService implements HttpService {

    private final Pages pages;
    private final Database db;
    private final DashboardQueries queries;
    private final Celebrations celebrations;

    @Inject
    DashboardService(Pages pages, Database db, DashboardQueries queries, Clock clock) {
        this.pages = pages;
        this.db = db;
        this.queries = queries;
        this.celebrations = new Celebrations(db, clock);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/dashboard", this::show);
        rules.post("/dashboard/celebrations/{id}/seen", this::seen);
    }

    private void show(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        Map<String, Object> params = new HashMap<>();
        params.put("name", displayName(me));
        params.put("roleKey", "role." + me.primaryRole().sqlName());
        params.put("verified", me.emailVerified());
        params.put("resent", req.query().first("resent").asOptional().isPresent());
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        if (me.primaryRole() == Role.STUDENT) {
            params.put("board", queries.student(me, me.userId()));
            pages.render(req, res, Status.OK_200, "dashboard/dashboard.jte", params);
        } else {
            params.put("staff", queries.staff(me));
            pages.render(req, res, Status.OK_200, "dashboard/staff.jte", params);
        }
    }

    private void seen(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        Optional<UUID> id = parse(req.path().pathParameters().get("id"));
        // Someone else's celebration, a seen one and an unknown id all answer alike: nothing to dismiss.
        boolean marked = id.map(c -> celebrations.markSeen(me.userId(), c)).orElse(false);
        if (!marked) {
            throw new NotFoundException("no celebration to dismiss");
        }
        if (req.headers().contains(HeaderNames.create("HX-Request"))) {
            res.status(Status.OK_200).send("");
        } else {
            res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/dashboard").send();
        }
    }

    private String displayName(AuthenticatedUser me) {
        String name = db.inContext(me.context(), h -> h.createQuery("select display_name from profiles where user_id = :id")
                .bind("id", me.userId()).mapTo(String.class).findOne().orElse(null));
        return name == null || name.isBlank() ? me.email() : name;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
