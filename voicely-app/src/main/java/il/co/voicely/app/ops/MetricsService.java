package il.co.voicely.app.ops;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: every meter in the Prometheus text format, for a Prometheus scraper. */
public final class MetricsService implements HttpService {

    /** The exposition format Prometheus expects from a text scrape. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;

    /** Serves the meters of {@code metrics}. */
    @Inject
    public MetricsService(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/metrics", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            res.send(metrics.scrape().getBytes(StandardCharsets.UTF_8));
        });
    }
}
