package il.co.voicely.core.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Records product events into {@code analytics_events}, about the acting user (or about nobody).
 *
 * <pre>{@code
 * AnalyticsEvents events = new AnalyticsEvents(db, Clock.systemUTC());
 * events.record(user.context(), AnalyticsEvents.SIGNIN, Map.of("method", "password"));
 * events.record(SessionContext.anonymous(), AnalyticsEvents.PAGE_VIEW, Map.of("path", "/"));
 * }</pre>
 *
 * <p>The event schema: a {@code name} from {@link #NAMES}, the acting user's id (from the context; none for
 * visitors) and {@code properties}, a flat JSON object of at most {@value #MAX_PROPERTIES} keys whose values
 * are strings (at most {@value #MAX_VALUE_LENGTH} characters), numbers or booleans:
 * <ul>
 *   <li>{@code signin}: {@code method} ({@code password}, {@code invitation})</li>
 *   <li>{@code page_view}: {@code path}</li>
 *   <li>{@code lesson_held}: {@code lesson_id}, {@code teacher_id}</li>
 *   <li>{@code recording_created}: {@code recording_id}, {@code source}</li>
 *   <li>{@code search}: {@code collection}, {@code result_count}</li>
 *   <li>{@code chat_started}: {@code channel}</li>
 *   <li>{@code lead_created}: {@code source}</li>
 *   <li>{@code booking_created}: {@code event_type}</li>
 * </ul>
 * Row-level security lets anyone insert an event about themselves; only admins read them
 * ({@link AnalyticsReports}). No {@code RETURNING}: it would need the admin-only select policy.
 */
public final class AnalyticsEvents {

    public static final String SIGNIN = "signin";
    public static final String PAGE_VIEW = "page_view";
    public static final String LESSON_HELD = "lesson_held";
    public static final String RECORDING_CREATED = "recording_created";
    public static final String SEARCH = "search";
    public static final String CHAT_STARTED = "chat_started";
    public static final String LEAD_CREATED = "lead_created";
    public static final String BOOKING_CREATED = "booking_created";

    /** Every event name this schema knows; anything else is refused, so reports never miss a misspelt name. */
    public static final Set<String> NAMES = Set.of(SIGNIN, PAGE_VIEW, LESSON_HELD, RECORDING_CREATED, SEARCH,
            CHAT_STARTED, LEAD_CREATED, BOOKING_CREATED);

    static final int MAX_PROPERTIES = 20;
    static final int MAX_VALUE_LENGTH = 500;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT = """
            insert into analytics_events (name, user_id, properties, occurred_at)
            values (:name, :userId, cast(:properties as jsonb), :at)
            """;

    private final Database db;
    private final Clock clock;

    public AnalyticsEvents(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records event {@code name} now, by the user of {@code context} (or nobody).
     *
     * @throws IllegalArgumentException when the name is not in {@link #NAMES} or a property breaks the schema
     */
    public void record(SessionContext context, String name, Map<String, ?> properties) {
        Objects.requireNonNull(context, "context");
        String json = validated(name, properties);
        db.useContext(context, h -> h.createUpdate(INSERT)
                .bind("name", name)
                .bind("userId", context.userId().orElse(null))
                .bind("properties", json)
                .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .execute());
    }

    static String validated(String name, Map<String, ?> properties) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown analytics event '" + name + "'; known: " + NAMES);
        }
        Objects.requireNonNull(properties, "properties");
        if (properties.size() > MAX_PROPERTIES) {
            throw new IllegalArgumentException("event '" + name + "' has " + properties.size() + " properties; at most " + MAX_PROPERTIES);
        }
        properties.forEach((key, value) -> {
            boolean scalar = value instanceof Number || value instanceof Boolean
                    || (value instanceof CharSequence s && s.length() <= MAX_VALUE_LENGTH);
            if (!scalar) {
                throw new IllegalArgumentException("property '" + key + "' of event '" + name
                        + "' must be a number, a boolean or a string of at most " + MAX_VALUE_LENGTH + " characters");
            }
        });
        try {
            return JSON.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("properties of event '" + name + "' are not JSON-serialisable", e);
        }
    }
}
