package il.co.voicely.app.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.DatabaseHealth;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code GET /health}: 200 with {@code "status":"UP"} when the database answers and the disk has room,
 * else 503 with {@code "DOWN"}, so a load balancer or orchestrator stops sending traffic.
 *
 * <pre>{@code
 * {"status":"UP","database":{"status":"UP","detail":"PostgreSQL 15.14","latencyMillis":2},
 *  "disk":{"status":"UP","freeBytes":52313423872}}
 * }</pre>
 */
public final class HealthService implements HttpService {

    /** Below this, PostgreSQL and uploads start failing; better to be taken out of rotation first. */
    static final long MIN_FREE_BYTES = 100L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Path dataDirectory;

    /**
     * @param database      the database to probe
     * @param dataDirectory the folder whose file system holds the app's data (checked for free space)
     */
    public HealthService(Database database, Path dataDirectory) {
        this.database = database;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", this::health);
    }

    private void health(ServerRequest req, ServerResponse res) throws JsonProcessingException {
        HealthReport report = report();
        res.status(report.up() ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503);
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(JSON.writeValueAsBytes(report));
    }

    HealthReport report() {
        DatabaseHealth db = database.health();
        long free = freeBytes();
        return HealthReport.of(
                new HealthReport.Database(HealthReport.status(db.up()), db.detail(), db.latencyMillis()),
                new HealthReport.Disk(HealthReport.status(free >= MIN_FREE_BYTES), free));
    }

    private long freeBytes() {
        Path existing = dataDirectory.toAbsolutePath();
        // The folder may not exist yet (first start with an external database); its parent's disk is the one.
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? 0 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read free space of " + existing, e);
        }
    }
}
