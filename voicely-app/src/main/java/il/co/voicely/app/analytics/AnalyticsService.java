package il.co.voicely.app.analytics;

import il.co.voicely.app.auth.Access;
import il.co.voicely.app.web.Json;
import il.co.voicely.app.web.Pages;
import il.co.voicely.core.analytics.AnalyticsReports;
import il.co.voicely.core.analytics.AnalyticsTab;
import il.co.voicely.core.analytics.TabReport;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.AuthenticatedUser;
import io.helidon.http.HeaderNames;
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

/**
 * The admin analytics: {@code /admin/analytics/{tab}} (a page; htmx asks for the tab's fragment only) and
 * {@code /api/v1/admin/analytics/{tab}?from=&to=} (the same numbers as JSON, which the charts draw). Admins
 * only; the queries run in the admin's own context.
 */
final class AnalyticsService implements HttpService {

    private static final String HX_REQUEST = "HX-Request";

    private final Pages pages;
    private final AnalyticsReports reports;
    private final Clock clock;

    @Inject
    AnalyticsService(Pages pages, AnalyticsReports reports, Clock clock) {
        this.pages = pages;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/analytics", (req, res) -> page(req, res, AnalyticsTab.OVERVIEW.slug()))
                .get("/admin/analytics/{tab}", (req, res) -> page(req, res, req.path().pathParameters().get("tab")))
                .get("/api/v1/admin/analytics/{tab}", this::json);
    }

    private void page(ServerRequest req, ServerResponse res, String slug) {
        AuthenticatedUser admin = Access.role(req, Role.ADMIN);
        Optional<AnalyticsTab> tab = AnalyticsTab.fromSlug(slug);
        if (tab.isEmpty()) {
            res.next();
            return;
        }
        RangeParams range = RangeParams.of(req.query(), clock);
        TabReport report = reports.report(admin.context(), tab.get(), range.range());
        TabView view = new TabView(report, pages.lang(req), pages.messages());
        Map<String, Object> params = new HashMap<>();
        params.put("view", view);
        params.put("error", range.errorKey());
        params.put("chartScript", ChartAsset.URL);
        boolean fragment = req.headers().first(HeaderNames.create(HX_REQUEST)).isPresent();
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, range.errorKey().isPresent() ? Status.BAD_REQUEST_400 : Status.OK_200,
                fragment ? "analytics/tab.jte" : "analytics/analytics.jte", params);
    }

    private void json(ServerRequest req, ServerResponse res) {
        AuthenticatedUser admin = Access.role(req, Role.ADMIN);
        String slug = req.path().pathParameters().get("tab");
        Optional<AnalyticsTab> tab = AnalyticsTab.fromSlug(slug);
        if (tab.isEmpty()) {
            Json.error(res, Status.NOT_FOUND_404, "unknown_tab", "There is no analytics tab '" + slug + "'.");
            return;
        }
        RangeParams range = RangeParams.of(req.query(), clock);
        if (range.errorKey().isPresent()) {
            Json.error(res, Status.BAD_REQUEST_400, "bad_range", pages.messages().text(pages.lang(req), range.errorKey().get()));
            return;
        }
        TabReport report = reports.report(admin.context(), tab.get(), range.range());
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        Json.send(res, Status.OK_200, new TabView(report, pages.lang(req), pages.messages()).json());
    }
}
