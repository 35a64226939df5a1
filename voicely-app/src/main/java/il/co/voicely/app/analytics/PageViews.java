package il.co.voicely.app.analytics;

import il.co.voicely.app.auth.Access;
import io.helidon.http.Method;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.Filter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Records a {@code page_view} for each successful GET of a key page. Runs after the auth filter, so it knows
 * who is reading; only the few pages whose traffic the school watches, not every asset or API call.
 */
@Singleton
public final class PageViews implements Filter {

    static final Set<String> KEY_PAGES = Set.of("/", "/dashboard", "/lessons", "/recordings", "/chat");

    private final Tracking tracking;

    @Inject
    PageViews(Tracking tracking) {
        this.tracking = tracking;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        chain.proceed();
        String path = req.path().path();
        if (req.prologue().method() == Method.GET && KEY_PAGES.contains(path) && res.status().code() == 200) {
            tracking.pageView(Access.current(req), path);
        }
    }
}
