package il.co.voicely.app.web;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A friendly "coming soon" page for navigation destinations whose feature is not built yet, so the
 * bottom navigation never leads to a 404. A feature that ships takes its item out of {@link #PENDING}.
 */
public final class ComingSoonService implements HttpService {

    /** Destinations still waiting for their feature. */
    static final Set<NavItem> PENDING = EnumSet.of(NavItem.LESSONS, NavItem.RECORDINGS, NavItem.ACHIEVEMENTS);

    private final Pages pages;

    /** The placeholder pages, rendered by {@code pages}. */
    @Inject
    public ComingSoonService(Pages pages) {
        this.pages = pages;
    }

    @Override
    public void routing(HttpRules rules) {
        for (NavItem item : PENDING) {
            rules.get(item.path(), (req, res) ->
                    pages.render(req, res, Status.OK_200, "web/coming-soon.jte", Map.of("item", item)));
        }
    }
}
