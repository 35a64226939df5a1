package il.co.voicely.app.dashboard;

import il.co.voicely.app.auth.Access;
import il.co.voicely.app.web.Pages;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.identity.AuthenticatedUser;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import jakarta.inject.Inject;
import java.util.Map;

/** {@code /dashboard}: a placeholder greeting the signed-in user by name and role until the real dashboard ships. */
public final class DashboardService implements HttpService {

    private final Pages pages;
    private final Database db;

    @Inject
    DashboardService(Pages pages, Database db) {
        this.pages = pages;
        this.db = db;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/dashboard", (req, res) -> {
            AuthenticatedUser me = Access.user(req);
            String name = db.inContext(me.context(), h -> h.createQuery("select display_name from profiles where user_id = :id")
                    .bind("id", me.userId()).mapTo(String.class).findOne().orElse(null));
            pages.render(req, res, Status.OK_200, "dashboard/dashboard.jte", Map.of(
                    "name", name == null || name.isBlank() ? me.email() : name,
                    "roleKey", "role." + me.primaryRole().sqlName(),
                    "verified", me.emailVerified(),
                    "resent", req.query().first("resent").asOptional().isPresent()));
        });
    }
}
