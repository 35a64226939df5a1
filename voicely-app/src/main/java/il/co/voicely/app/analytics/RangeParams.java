package il.co.voicely.app.analytics;

import il.co.voicely.core.analytics.DateRange;
import io.helidon.common.uri.UriQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The {@code from} and {@code to} query parameters ({@code yyyy-mm-dd}) of the analytics pages and API; the
 * last 30 days when both are absent.
 */
record RangeParams(DateRange range, Optional<String> errorKey) {

    /** The school's calendar: days start at midnight in Israel whatever the server's zone. */
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Jerusalem");
    static final int DEFAULT_DAYS = 30;

    static RangeParams of(UriQuery query, Clock clock) {
        DateRange fallback = DateRange.lastDays(DEFAULT_DAYS, LocalDate.now(clock.withZone(SCHOOL_ZONE)), SCHOOL_ZONE);
        Optional<String> from = query.first("from").asOptional().filter(s -> !s.isBlank());
        Optional<String> to = query.first("to").asOptional().filter(s -> !s.isBlank());
        if (from.isEmpty() && to.isEmpty()) {
            return new RangeParams(fallback, Optional.empty());
        }
        try {
            LocalDate end = to.map(LocalDate::parse).orElse(fallback.to());
            LocalDate start = from.map(LocalDate::parse).orElse(end.minusDays(DEFAULT_DAYS - 1L));
            if (end.isBefore(start)) {
                return new RangeParams(fallback, Optional.of("analytics.range.reversed"));
            }
            if (end.toEpochDay() - start.toEpochDay() + 1 > DateRange.MAX_DAYS) {
                return new RangeParams(fallback, Optional.of("analytics.range.too_long"));
            }
            return new RangeParams(new DateRange(start, end, SCHOOL_ZONE), Optional.empty());
        } catch (DateTimeParseException e) {
            return new RangeParams(fallback, Optional.of("analytics.range.invalid"));
        }
    }
}
