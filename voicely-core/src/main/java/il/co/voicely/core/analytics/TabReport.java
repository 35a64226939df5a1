package il.co.voicely.core.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One tab's numbers for a date range: headline figures with the previous period's value beside them,
 * daily series for the charts, and short ranked lists (top queries, lessons per teacher…).
 */
public record TabReport(AnalyticsTab tab, DateRange range, List<Kpi> kpis, List<Series> series, List<Ranking> rankings) {

    public TabReport {
        kpis = List.copyOf(kpis);
        series = List.copyOf(series);
        rankings = List.copyOf(rankings);
    }

    /** The figure named {@code key}. */
    public Optional<Kpi> kpi(String key) {
        return kpis.stream().filter(k -> k.key().equals(key)).findFirst();
    }

    /** The series named {@code key}. */
    public Optional<Series> series(String key) {
        return series.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The ranking named {@code key}. */
    public Optional<Ranking> ranking(String key) {
        return rankings.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /** How a figure is read: a count, a percentage (0–100), minutes, a score (0–100) or US dollars. */
    public enum Unit { COUNT, PERCENT, MINUTES, SCORE, USD }

    /**
     * A headline figure; {@code current} and {@code previous} are empty when there is nothing to average.
     */
    public record Kpi(String key, Unit unit, Optional<Double> current, Optional<Double> previous) {

        /** Change against the previous period in percent; empty when either side is missing or zero before. */
        public Optional<Double> changePercent() {
            if (current.isEmpty() || previous.isEmpty() || previous.get() == 0) {
                return Optional.empty();
            }
            return Optional.of((current.get() - previous.get()) / previous.get() * 100);
        }
    }

    /** One value per day of the range, days without data as zero. */
    public record Series(String key, Unit unit, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** One day's value. */
    public record Point(LocalDate day, double value) {
    }

    /** The top rows of a breakdown, largest first. */
    public record Ranking(String key, Unit unit, List<Row> rows) {
        public Ranking {
            rows = List.copyOf(rows);
        }
    }

    /** A labelled value of a ranking. */
    public record Row(String label, double value) {
    }
}
