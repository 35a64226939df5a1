package il.co.voicely.gamification.streaks;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Practice streaks in each student's own time zone ({@code users.time_zone}, Asia/Jerusalem by default):
 * a day ends at local midnight, so a day is 23 or 25 hours long when the clocks change.
 *
 * <pre>{@code
 * Streaks streaks = new Streaks(db, Clock.systemUTC());
 * int days = streaks.current(SessionContext.user(studentId, Role.STUDENT), studentId).currentDays();
 * }</pre>
 *
 * <p>The {@code AchievementEngine} records practice through {@link #recordActivity}; this class reads
 * streaks and grants freezes.
 */
public final class Streaks {

    /** The school's zone, used when a user has no valid zone of their own. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jerusalem");

    private final Database db;
    private final Clock clock;

    /** Streaks read from {@code db}; {@code clock} decides what "today" is. */
    public Streaks(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The streak as of today (by the injected clock, in the user's zone): {@link Streak#currentDays()} is zero
     * when the run is already broken. Reads under {@code viewer}'s row-level security; a streak the viewer may
     * not see reads as none.
     */
    public Streak current(SessionContext viewer, UUID userId) {
        return db.inContext(viewer, h -> {
            Streak stored = load(h, userId, false).orElse(Streak.none(userId));
            LocalDate today = LocalDate.ofInstant(clock.instant(), zoneOf(h, userId));
            return new Streak(userId, stored.currentDaysOn(today), stored.longestDays(), stored.lastDay(),
                    stored.freezesAvailable());
        });
    }

    /** Adds {@code count} freezes (capped at {@value Streak#MAX_FREEZES}), acting as the system. */
    public Streak grantFreezes(UUID userId, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive, was " + count);
        }
        return db.inContext(SessionContext.system(), h -> {
            h.createUpdate("""
                    insert into streaks (user_id, freezes_available) values (:user, least(:count, :max))
                    on conflict (user_id) do update
                       set freezes_available = least(streaks.freezes_available + :count, :max)
                    """)
                    .bind("user", userId).bind("count", count).bind("max", Streak.MAX_FREEZES).execute();
            return load(h, userId, false).orElseThrow();
        });
    }

    /**
     * Records practice at {@code at} inside the caller's transaction, which must act as the system. Locks the
     * user's streak row, so concurrent events for one student are applied one after the other.
     */
    public static Streak recordActivity(Handle h, UUID userId, Instant at) {
        h.createUpdate("insert into streaks (user_id) values (:user) on conflict (user_id) do nothing")
                .bind("user", userId).execute();
        Streak before = load(h, userId, true).orElseThrow();
        Streak after = before.practisedOn(LocalDate.ofInstant(at, zoneOf(h, userId)));
        if (!after.equals(before)) {
            h.createUpdate("""
                    update streaks set current_days = :current, longest_days = :longest, last_day = :last,
                                       freezes_available = :freezes
                     where user_id = :user
                    """)
                    .bind("current", after.currentDays()).bind("longest", after.longestDays())
                    .bind("last", after.lastDay().orElseThrow()).bind("freezes", after.freezesAvailable())
                    .bind("user", userId).execute();
        }
        return after;
    }

    /** The user's time zone, or {@link #DEFAULT_ZONE} when unknown or not a valid zone id. */
    public static ZoneId zoneOf(Handle h, UUID userId) {
        Optional<String> zone = h.createQuery("select time_zone from users where id = :user")
                .bind("user", userId).mapTo(String.class).findOne();
        try {
            return zone.map(ZoneId::of).orElse(DEFAULT_ZONE);
        } catch (java.time.DateTimeException e) {
            return DEFAULT_ZONE;
        }
    }

    private static Optional<Streak> load(Handle h, UUID userId, boolean forUpdate) {
        return h.createQuery("select current_days, longest_days, last_day, freezes_available from streaks where user_id = :user"
                        + (forUpdate ? " for update" : ""))
                .bind("user", userId)
                .map((rs, ctx) -> {
                    LocalDate last = rs.getObject("last_day", LocalDate.class);
                    return new Streak(userId, rs.getInt("current_days"), rs.getInt("longest_days"),
                            Optional.ofNullable(last), rs.getInt("freezes_available"));
                })
                .findOne();
    }
}
