package il.co.voicely.app.analytics;

import il.co.voicely.app.auth.Access;
import il.co.voicely.app.web.Visitor;
import il.co.voicely.app.web.Pages;
import il.co.voicely.core.audit.AuditEntry;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.AuthenticatedUser;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /admin/export/{data set}.csv} or {@code .xlsx}: the file streams to the admin as PostgreSQL
 * sends the rows. Every export is audited ({@code data.exported}) before the first byte leaves.
 */
final class ExportService implements HttpService {

    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);
    private static final Pattern FILE = Pattern.compile("([a-z]+)\\.(csv|xlsx)");

    private final DataExports exports;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    ExportService(DataExports exports, AuditLog audit, Clock clock) {
        this.exports = exports;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/export/{file}", this::export);
    }

    private void export(ServerRequest req, ServerResponse res) {
        AuthenticatedUser admin = Access.role(req, Role.ADMIN);
        Matcher file = FILE.matcher(req.path().pathParameters().get("file"));
        if (!file.matches() || DataExports.dataSet(file.group(1)).isEmpty()) {
            res.next();
            return;
        }
        String name = file.group(1);
        String format = file.group(2);
        Visitor visitor = Pages.visitor(req);
        audit.append(admin.context(), AuditEntry.of("data.exported").actor(admin.userId()).target("data_set", name)
                .client(visitor.ip(), visitor.userAgent()).detail("format", format));
        String filename = "voicely-" + name + "-" + LocalDate.now(clock.withZone(RangeParams.SCHOOL_ZONE)) + "." + format;
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, format.equals("csv") ? "text/csv; charset=utf-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        try (OutputStream out = res.outputStream()) {
            long rows = exports.export(admin.context(), name, format, out);
            LOG.info("Exported {} rows of {} as {} for {}", rows, name, format, admin.userId());
        } catch (IOException e) {
            throw new UncheckedIOException("The " + name + " export was cut off", e);
        }
    }
}
