package il.co.voicely.app;

import il.co.voicely.app.ops.HttpMetricsFilter;
import il.co.voicely.app.web.ErrorPages;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import jakarta.inject.Inject;
import java.util.Set;

/** The app's routing: metrics around everything, the features in order, then the error pages. */
final class Routes {

    private final HttpMetricsFilter metrics;
    private final Set<HttpService> features;
    private final ErrorPages errors;

    @Inject
    Routes(HttpMetricsFilter metrics, Set<HttpService> features, ErrorPages errors) {
        this.metrics = metrics;
        this.features = features;
        this.errors = errors;
    }

    HttpRouting.Builder routing() {
        HttpRouting.Builder routing = HttpRouting.builder().addFilter(metrics);
        features.forEach(routing::register);
        routing.error(Throwable.class, errors::handle);
        // Registered last, so it answers only what no feature (nor a static file) did.
        routing.any(errors::notFound);
        return routing;
    }
}
