package il.co.voicely.app;

import il.co.voicely.app.analytics.PageViews;
import il.co.voicely.app.auth.AccessErrors;
import il.co.voicely.app.auth.AuthFilter;
import il.co.voicely.app.auth.SecurityHeaders;
import il.co.voicely.app.ops.HttpMetricsFilter;
import il.co.voicely.app.web.ErrorPages;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * The app's routing: metrics around everything, security headers on every answer, the auth filter (who is
 * asking, anti-forgery check), the features in order, then the access errors and the error pages.
 */
final class Routes {

    private final HttpMetricsFilter metrics;
    private final Set<HttpService> features;
    private final ErrorPages errors;
    private final SecurityHeaders headers;
    private final AuthFilter auth;
    private final AccessErrors accessErrors;
    private final PageViews pageViews;

    @Inject
    Routes(HttpMetricsFilter metrics, Set<HttpService> features, ErrorPages errors, SecurityHeaders headers, AuthFilter auth,
           AccessErrors accessErrors, PageViews pageViews) {
        this.metrics = metrics;
        this.features = features;
        this.errors = errors;
        this.headers = headers;
        this.auth = auth;
        this.accessErrors = accessErrors;
        this.pageViews = pageViews;
    }

    HttpRouting.Builder routing() {
        HttpRouting.Builder routing = HttpRouting.builder().addFilter(metrics).addFilter(headers).addFilter(auth).addFilter(pageViews);
        features.forEach(routing::register);
        accessErrors.register(routing);
        routing.error(Throwable.class, errors::handle);
        // Registered last, so it answers only what no feature (nor a static file) did.
        routing.any(errors::notFound);
        return routing;
    }
}
