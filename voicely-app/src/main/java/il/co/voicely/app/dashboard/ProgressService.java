package il.co.voicely.app.dashboard;

import il.co.voicely.app.auth.Access;
import il.co.voicely.app.web.Assets;
import il.co.voicely.app.web.Pages;
import il.co.voicely.core.identity.AuthenticatedUser;
import io.helidon.http.HeaderNames;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /progress}: a student's range, accuracy and practice over time, as charts (Chart.js from its WebJar,
 * drawn by {@code static/js/progress.js} from {@code data-} attributes) with a data table under each.
 * {@code /students/{id}/progress}: the same for a teacher's own student or for an admin; anyone else gets 404.
 */
public final class ProgressService implements HttpService {

    private final Pages pages;
    private final ProgressQueries queries;
    private final String chartJs = Assets.webJar("chart.js", "dist/chart.umd.min.js");

    @Inject
    ProgressService(Pages pages, ProgressQueries queries) {
        this.pages = pages;
        this.queries = queries;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/progress", (req, res) -> {
            AuthenticatedUser me = Access.user(req);
            show(req, res, me, me.userId(), false);
        });
        rules.get("/students/{id}/progress", (req, res) -> {
            AuthenticatedUser me = Access.user(req);
            UUID student;
            try {
                student = UUID.fromString(req.path().pathParameters().get("id"));
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("not a student id");
            }
            show(req, res, me, student, true);
        });
    }

    private void show(ServerRequest req, ServerResponse res, AuthenticatedUser me, UUID student, boolean teacherView) {
        ProgressHistory history = queries.of(me, student).orElseThrow(() -> new NotFoundException("no such student of yours"));
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, Status.OK_200, "dashboard/progress.jte",
                Map.of("history", history, "teacherView", teacherView, "chartJs", chartJs));
    }
}
