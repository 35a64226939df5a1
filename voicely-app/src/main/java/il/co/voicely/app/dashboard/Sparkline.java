package il.co.voicely.app.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * A tiny trend line drawn server-side as an SVG {@code polyline}: no script, so it shows under the strict CSP
 * and before any JavaScript. Oldest value first; the line spans the box, scaled between the values' min and max.
 */
public record Sparkline(List<Double> values) {

    /** The box the points are drawn in (the SVG {@code viewBox} is {@code 0 0 WIDTH HEIGHT}). */
    public static final int WIDTH = 100;
    public static final int HEIGHT = 28;

    public Sparkline {
        values = List.copyOf(values);
    }

    /** Whether there are at least two values, the least that makes a line. */
    public boolean drawable() {
        return values.size() >= 2;
    }

    /** The {@code points} attribute: "x,y" pairs, y growing downwards as in SVG, with a margin for the stroke. */
    public String points() {
        if (!drawable()) {
            return "";
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double x = (double) WIDTH * i / (values.size() - 1);
            double y = max - min == 0 ? HEIGHT / 2.0 : 2 + (HEIGHT - 4) * (max - values.get(i)) / span;
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return sb.toString();
    }

    /** Last minus first value: positive when the trend goes up. */
    public double change() {
        return drawable() ? values.getLast() - values.getFirst() : 0;
    }
}
