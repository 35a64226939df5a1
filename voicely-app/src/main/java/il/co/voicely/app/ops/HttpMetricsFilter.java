package il.co.voicely.app.ops;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/**
 * Times every request as {@code http_server_requests_seconds} by method, route and status.
 *
 * <p>The route is the matched pattern ({@code /lessons}, {@code /webjars/*}), never the raw path: raw
 * paths would give every probe for {@code /wp-admin/...} its own time series.
 */
public final class HttpMetricsFilter implements Filter {

    static final String METER = "http.server.requests";
    static final String UNMATCHED = "UNMATCHED";

    private final MeterRegistry registry;

    /** A filter that records into {@code metrics}. */
    @Inject
    public HttpMetricsFilter(Metrics metrics) {
        this.registry = metrics.registry();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        // Error handlers run inside the chain, so after it the status is what the client got; only an
        // exception escaping them all (answered by Helidon's own 500) leaves the default below.
        int status = 500;
        try {
            chain.proceed();
            status = res.status().code();
        } finally {
            Timer.builder(METER)
                    .tag("method", req.prologue().method().text())
                    .tag("route", route(req, status))
                    .tag("status", Integer.toString(status))
                    .register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private static String route(RoutingRequest req, int status) {
        if (status == 404) {
            return UNMATCHED;
        }
        return req.matchingPattern().orElse(UNMATCHED);
    }
}
