package il.co.voicely.core.analytics;

import il.co.voicely.core.analytics.TabQueries.Definition;
import il.co.voicely.core.analytics.TabQueries.KpiQuery;
import il.co.voicely.core.analytics.TabQueries.RankingQuery;
import il.co.voicely.core.analytics.TabQueries.SeriesQuery;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The admin analytics: each {@link AnalyticsTab}'s figures for a {@link DateRange} and the previous period,
 * computed by PostgreSQL (aggregates over indexed time columns; no event row reaches the JVM).
 *
 * <pre>{@code
 * AnalyticsReports reports = new AnalyticsReports(db);
 * TabReport overview = reports.report(admin.context(), AnalyticsTab.OVERVIEW,
 *         DateRange.lastDays(30, LocalDate.now(zone), zone));
 * overview.kpi("lessons_held").flatMap(TabReport.Kpi::current);
 * }</pre>
 *
 * <p>Runs in the caller's context, so row-level security decides: an admin sees the school's numbers, anyone
 * else sees (mostly) zeros. The app checks the admin role before asking.
 */
public final class AnalyticsReports {

    /** Ranked lists show this many rows. */
    public static final int RANKING_ROWS = 10;

    private final Database db;

    public AnalyticsReports(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** {@code tab}'s figures for {@code range}, compared with {@link DateRange#previous()}; one transaction. */
    public TabReport report(SessionContext context, AnalyticsTab tab, DateRange range) {
        Definition definition = TabQueries.TABS.get(tab);
        return db.inContext(context, h -> {
            List<TabReport.Kpi> kpis = new ArrayList<>();
            for (KpiQuery q : definition.kpis()) {
                kpis.add(new TabReport.Kpi(q.key(), q.unit(), number(h, q.sql(), range), number(h, q.sql(), range.previous())));
            }
            List<TabReport.Series> series = new ArrayList<>();
            for (SeriesQuery q : definition.series()) {
                series.add(new TabReport.Series(q.key(), q.unit(), daily(h, q.sql(), range)));
            }
            List<TabReport.Ranking> rankings = new ArrayList<>();
            for (RankingQuery q : definition.rankings()) {
                rankings.add(new TabReport.Ranking(q.key(), q.unit(), ranked(h, q.sql(), range)));
            }
            return new TabReport(tab, range, kpis, series, rankings);
        });
    }

    private static Query bound(Handle h, String sql, DateRange range) {
        Query query = h.createQuery(sql)
                .bind("from", OffsetDateTime.ofInstant(range.start(), ZoneOffset.UTC))
                .bind("to", OffsetDateTime.ofInstant(range.end(), ZoneOffset.UTC));
        if (sql.contains(":tz")) {
            query.bind("tz", range.zone().getId());
        }
        if (sql.contains(":limit")) {
            query.bind("limit", RANKING_ROWS);
        }
        return query;
    }

    private static Optional<Double> number(Handle h, String sql, DateRange range) {
        return bound(h, sql, range).map((rs, ctx) -> Optional.ofNullable(rs.getBigDecimal(1)).map(BigDecimal::doubleValue))
                .one();
    }

    private static List<TabReport.Point> daily(Handle h, String sql, DateRange range) {
        Map<LocalDate, Double> byDay = new HashMap<>();
        bound(h, sql, range).map((rs, ctx) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)))
                .forEach(e -> byDay.put(e.getKey(), e.getValue() == null ? 0 : e.getValue().doubleValue()));
        List<TabReport.Point> points = new ArrayList<>(range.days());
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            points.add(new TabReport.Point(day, byDay.getOrDefault(day, 0.0)));
        }
        return points;
    }

    private static List<TabReport.Row> ranked(Handle h, String sql, DateRange range) {
        return bound(h, sql, range)
                .map((rs, ctx) -> new TabReport.Row(Objects.requireNonNullElse(rs.getString(1), "-"),
                        rs.getBigDecimal(2) == null ? 0 : rs.getBigDecimal(2).doubleValue()))
                .list();
    }
}
