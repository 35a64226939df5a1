package il.co.voicely.app.admin;

import il.co.voicely.core.audit.AuditQuery;
import io.helidon.common.uri.UriQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit page's filters as typed in its query string; unparseable values are ignored rather than
 * failing the page. Dates are whole days in the school's time zone, {@code to} inclusive.
 *
 * @param actor  user id, as typed
 * @param action exact action name, e.g. {@code auth.sign_in}
 * @param from   first day, {@code yyyy-mm-dd}
 * @param to     last day, {@code yyyy-mm-dd}
 * @param page   1-based page number
 */
public record AuditFilter(String actor, String action, String from, String to, int page, int pageSize) {

    private static final ZoneId SCHOOL = ZoneId.of("Asia/Jerusalem");

    static AuditFilter from(UriQuery query, int pageSize) {
        return new AuditFilter(text(query, "actor"), text(query, "action"), text(query, "from"), text(query, "to"),
                pageNumber(query), pageSize);
    }

    static int pageNumber(UriQuery query) {
        try {
            return Math.max(1, Math.min(100_000, Integer.parseInt(text(query, "page"))));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    AuditQuery query() {
        AuditQuery q = AuditQuery.all().page(page, pageSize);
        Optional<UUID> actorId = uuid(actor);
        if (actorId.isPresent()) {
            q = q.actor(actorId.get());
        }
        if (action.matches("[a-z][a-z0-9_.]{0,99}")) {
            q = q.action(action);
        }
        Optional<LocalDate> fromDay = day(from);
        Optional<LocalDate> toDay = day(to);
        if (fromDay.isPresent() || toDay.isPresent()) {
            q = q.between(fromDay.map(d -> d.atStartOfDay(SCHOOL).toInstant()).orElse(null),
                    toDay.map(d -> d.plusDays(1).atStartOfDay(SCHOOL).toInstant()).orElse(null));
        }
        return q;
    }

    /** The query string of page {@code number} with the same filters, for the paging links. */
    public String pageLink(int number) {
        return "?actor=" + enc(actor) + "&action=" + enc(action) + "&from=" + enc(from) + "&to=" + enc(to) + "&page=" + number;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String text(UriQuery query, String name) {
        return query.first(name).asOptional().map(String::strip).orElse("");
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> day(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
