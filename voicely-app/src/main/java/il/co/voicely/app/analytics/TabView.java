package il.co.voicely.app.analytics;

import il.co.voicely.app.web.Lang;
import il.co.voicely.app.web.Messages;
import il.co.voicely.core.analytics.AnalyticsTab;
import il.co.voicely.core.analytics.TabReport;
import il.co.voicely.core.analytics.TabReport.Unit;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TabReport} ready to show: labels in the page's language and numbers formatted for people. The
 * template and the JSON API both read it, so the table under a chart always matches the chart.
 */
public record TabView(TabReport report, Lang lang, Messages messages) {

    /** The tabs in display order. */
    public static List<AnalyticsTab> tabs() {
        return List.of(AnalyticsTab.values());
    }

    public String t(String key, Object... args) {
        return messages.text(lang, key, args);
    }

    /** The label of a figure, series or ranking. */
    public String label(String kind, String key) {
        return t("analytics." + kind + "." + key);
    }

    /** A value as people read it; an em dash when there is nothing to show. */
    public String format(Optional<Double> value, Unit unit) {
        return value.map(v -> format(v, unit)).orElse("—");
    }

    public String format(double value, Unit unit) {
        NumberFormat number = NumberFormat.getNumberInstance(lang.locale());
        number.setMaximumFractionDigits(unit == Unit.COUNT ? 0 : unit == Unit.USD ? 2 : 1);
        String text = number.format(value);
        return switch (unit) {
            case PERCENT -> text + "%";
            case USD -> "$" + text;
            default -> text;
        };
    }

    /** {@code +12%}, {@code −5%}, or empty when there is nothing to compare with. */
    public String change(TabReport.Kpi kpi) {
        return kpi.changePercent().map(p -> (p >= 0 ? "+" : "−") + Math.round(Math.abs(p)) + "%").orElse("");
    }

    /** {@code up}, {@code down} or {@code flat}, for styling the change. */
    public String trend(TabReport.Kpi kpi) {
        return kpi.changePercent().map(p -> p > 0.5 ? "up" : p < -0.5 ? "down" : "flat").orElse("flat");
    }

    /** The JSON answer of {@code /api/v1/admin/analytics/{tab}} and the chart module's input. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tab", report.tab().slug());
        json.put("from", report.range().from().toString());
        json.put("to", report.range().to().toString());
        json.put("previousFrom", report.range().previous().from().toString());
        json.put("previousTo", report.range().previous().to().toString());
        List<Map<String, Object>> kpis = new ArrayList<>();
        for (TabReport.Kpi k : report.kpis()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", k.key());
            m.put("label", label("kpi", k.key()));
            m.put("unit", k.unit().name().toLowerCase(java.util.Locale.ROOT));
            m.put("current", k.current().orElse(null));
            m.put("previous", k.previous().orElse(null));
            m.put("changePercent", k.changePercent().orElse(null));
            kpis.add(m);
        }
        json.put("kpis", kpis);
        json.put("series", report.series().stream().map(s -> Map.of(
                "key", s.key(), "label", label("series", s.key()), "unit", s.unit().name().toLowerCase(java.util.Locale.ROOT),
                "points", s.points().stream().map(p -> Map.of("day", p.day().toString(), "value", p.value())).toList())).toList());
        json.put("rankings", report.rankings().stream().map(r -> Map.of(
                "key", r.key(), "label", label("ranking", r.key()),
                "rows", r.rows().stream().map(row -> Map.of("label", row.label(), "value", row.value())).toList())).toList());
        return json;
    }
}
