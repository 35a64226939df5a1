package il.co.voicely.app.dashboard;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.gamification.streaks.Streak;
import il.co.voicely.gamification.streaks.Streaks;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The dashboard's reads, each a small indexed query in the viewer's own row-level-security context, so a
 * student's numbers can only ever be their own (another student's rows simply do not exist for them).
 * Running totals come from {@code user_stats}, which the engine keeps, so no page view aggregates history.
 */
final class DashboardQueries {

    /** How many months the lessons sparkline covers, this one included. */
    static final int MONTHS = 6;
    /** How many local days the practice dots cover, today included. */
    static final int PRACTICE_DAYS = 14;
    /** How many of the latest analysed recordings the accuracy and range trends show. */
    static final int RECORDINGS = 10;
    static final ZoneId SCHOOL_ZONE = Streaks.DEFAULT_ZONE;

    private final Database db;
    private final Clock clock;
    private final Streaks streaks;

    @Inject
    DashboardQueries(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.streaks = new Streaks(db, clock);
    }

    /** The student's seven cards and unseen celebrations; {@code userId} is read in {@code viewer}'s context. */
    StudentDashboard student(AuthenticatedUser viewer, UUID userId) {
        Streak streak = streaks.current(viewer.context(), userId);
        return db.inContext(viewer.context(), h -> {
            Map<String, Integer> stats = stats(h, userId);
            List<Double> accuracy = new ArrayList<>();
            List<VocalRange> ranges = new ArrayList<>();
            recordingAnalyses(h, userId, accuracy, ranges);
            return new StudentDashboard(nextLesson(h, userId), lessonsPerMonth(h, userId), streak, practiceDays(h, userId),
                    stats.getOrDefault("stars", 0), stats.getOrDefault("recordings", 0), accuracy, ranges,
                    celebrations(h, userId));
        });
    }

    /** A teacher's or admin's short home: the next lesson they teach and how many they teach this month. */
    StaffDashboard staff(AuthenticatedUser viewer) {
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(LocalDate.ofInstant(now, SCHOOL_ZONE));
        return db.inContext(viewer.context(), h -> {
            Optional<StudentDashboard.NextLesson> next = h.createQuery("""
                            select title, starts_at, location from lessons
                             where teacher_id = :me and status = 'scheduled' and starts_at > :now
                             order by starts_at limit 1
                            """)
                    .bind("me", viewer.userId()).bind("now", now)
                    .map((rs, ctx) -> new StudentDashboard.NextLesson(rs.getString("title"),
                            rs.getObject("starts_at", java.time.OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getString("location"))))
                    .findOne();
            int thisMonth = h.createQuery("""
                            select count(*) from lessons
                             where teacher_id = :me and status <> 'cancelled' and starts_at >= :from and starts_at < :until
                            """)
                    .bind("me", viewer.userId())
                    .bind("from", month.atDay(1).atStartOfDay(SCHOOL_ZONE).toInstant())
                    .bind("until", month.plusMonths(1).atDay(1).atStartOfDay(SCHOOL_ZONE).toInstant())
                    .mapTo(Integer.class).one();
            return new StaffDashboard(next, thisMonth);
        });
    }

    private Optional<StudentDashboard.NextLesson> nextLesson(Handle h, UUID userId) {
        return h.createQuery("""
                        select l.title, l.starts_at, l.location
                          from lesson_participants p
                          join lessons l on l.id = p.lesson_id
                         where p.user_id = :user and p.status = 'enrolled'
                           and l.status = 'scheduled' and l.starts_at > :now
                         order by l.starts_at
                         limit 1
                        """)
                .bind("user", userId).bind("now", clock.instant())
                .map((rs, ctx) -> new StudentDashboard.NextLesson(rs.getString("title"),
                        rs.getObject("starts_at", java.time.OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getString("location"))))
                .findOne();
    }

    /** Attended (on time or late) lessons per month of the school's calendar, the last {@link #MONTHS}. */
    private List<Integer> lessonsPerMonth(Handle h, UUID userId) {
        YearMonth thisMonth = YearMonth.from(LocalDate.ofInstant(clock.instant(), SCHOOL_ZONE));
        YearMonth first = thisMonth.minusMonths(MONTHS - 1);
        Map<String, Integer> counts = new HashMap<>();
        h.createQuery("""
                        select to_char(l.starts_at at time zone :zone, 'YYYY-MM') as month, count(*) as n
                          from lesson_participants p
                          join lessons l on l.id = p.lesson_id
                         where p.user_id = :user and p.attendance in ('attended', 'late')
                           and l.starts_at >= :from and l.starts_at < :until
                         group by 1
                        """)
                .bind("zone", SCHOOL_ZONE.getId()).bind("user", userId)
                .bind("from", first.atDay(1).atStartOfDay(SCHOOL_ZONE).toInstant())
                .bind("until", thisMonth.plusMonths(1).atDay(1).atStartOfDay(SCHOOL_ZONE).toInstant())
                .map((rs, ctx) -> Map.entry(rs.getString("month"), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        List<Integer> months = new ArrayList<>(MONTHS);
        for (YearMonth m = first; !m.isAfter(thisMonth); m = m.plusMonths(1)) {
            months.add(counts.getOrDefault(m.toString(), 0));
        }
        return months;
    }

    /** For each of the last {@link #PRACTICE_DAYS} days in the student's zone: any event counted as practice. */
    private List<Boolean> practiceDays(Handle h, UUID userId) {
        ZoneId zone = Streaks.zoneOf(h, userId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = today.minusDays(PRACTICE_DAYS - 1);
        Set<LocalDate> days = new HashSet<>(h.createQuery("""
                        select distinct cast(occurred_at at time zone :zone as date)
                          from gamification_events
                         where user_id = :user and occurred_at >= :from
                        """)
                .bind("zone", zone.getId()).bind("user", userId)
                .bind("from", first.atStartOfDay(zone).toInstant())
                .mapTo(LocalDate.class).list());
        List<Boolean> result = new ArrayList<>(PRACTICE_DAYS);
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            result.add(days.contains(d));
        }
        return result;
    }

    private static Map<String, Integer> stats(Handle h, UUID userId) {
        return h.createQuery("select total_stars, recordings_count from user_stats where user_id = :user")
                .bind("user", userId)
                .map((rs, ctx) -> Map.of("stars", rs.getInt("total_stars"), "recordings", rs.getInt("recordings_count")))
                .findOne().orElse(Map.of());
    }

    /** The latest analyses, newest first in SQL (the (user_id, occurred_at) index read backwards), oldest first out. */
    private static void recordingAnalyses(Handle h, UUID userId, List<Double> accuracy, List<VocalRange> ranges) {
        h.createQuery("""
                        select cast(payload ->> 'noteAccuracyPercent' as float8) as accuracy,
                               cast(payload ->> 'lowSemitone' as float8) as low,
                               cast(payload ->> 'highSemitone' as float8) as high
                          from gamification_events
                         where user_id = :user and type = 'recording.analysed'
                         order by occurred_at desc
                         limit :limit
                        """)
                .bind("user", userId).bind("limit", RECORDINGS)
                .map((rs, ctx) -> {
                    accuracy.add(rs.getDouble("accuracy"));
                    ranges.add(new VocalRange(rs.getDouble("low"), rs.getDouble("high")));
                    return 1;
                })
                .list();
        Collections.reverse(accuracy);
        Collections.reverse(ranges);
    }

    private static List<StudentDashboard.CelebrationCard> celebrations(Handle h, UUID userId) {
        return h.createQuery("""
                        select c.id, coalesce(a.title_he, c.payload ->> 'titleHe') as title_he, a.title_en,
                               coalesce(a.stars, 0) as stars
                          from celebrations c
                          left join achievements a on a.id = c.achievement_id
                         where c.user_id = :user and c.seen_at is null
                         order by c.created_at, c.id
                         limit 1
                        """)
                .bind("user", userId)
                .map((rs, ctx) -> new StudentDashboard.CelebrationCard(rs.getObject("id", UUID.class),
                        Optional.ofNullable(rs.getString("title_he")).orElse(""),
                        Optional.ofNullable(rs.getString("title_en")), rs.getInt("stars")))
                .list();
    }
}
