package il.co.voicely.app.ops;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's meters, exposed in the Prometheus text format by {@link MetricsService}: JVM memory, GC,
 * threads, class loading, CPU and uptime; the database pool; HTTP requests ({@link HttpMetricsFilter}).
 */
public final class Metrics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Metrics.class);

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;

    private Metrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
        this.registry = registry;
        this.gc = gc;
    }

    /** A registry with the JVM and process binders already bound. */
    public static Metrics create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return new Metrics(registry, gc);
    }

    /**
     * Adds the connection pool's meters ({@code hikaricp_connections_*}) when the pool is HikariCP.
     * Hikari accepts one tracker per pool for its lifetime, so a pool already tracked (a second app on
     * the same database, as in tests) keeps reporting to the first registry.
     */
    public void bindPool(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            try {
                hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            } catch (IllegalStateException alreadyTracked) {
                log.debug("Pool {} already reports to another registry", hikari.getPoolName());
            }
        }
    }

    /** Where meters are registered. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The current values in the Prometheus text format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
