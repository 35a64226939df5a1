package il.co.voicely.core.analytics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The six views of the admin analytics, each a fixed set of SQL aggregates. */
public enum AnalyticsTab {
    OVERVIEW, STUDENTS, LESSONS, CHAT, RECORDINGS, AI;

    /** The tab's name in URLs, e.g. {@code recordings}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tab with this URL name. */
    public static Optional<AnalyticsTab> fromSlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug().equals(slug)).findFirst();
    }
}
