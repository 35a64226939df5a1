package il.co.voicely.app.dashboard;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.gamification.streaks.Streaks;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The progress page's history, read in the viewer's row-level-security context: the student's own, or a
 * teacher's student's (the {@code gamification_events} policy lets teachers read their students' events).
 */
final class ProgressQueries {

    static final int MAX_RECORDINGS = 60;
    static final int WEEKS = 12;
    private static final ZoneId SCHOOL_ZONE = Streaks.DEFAULT_ZONE;

    private final Database db;
    private final Clock clock;

    @Inject
    ProgressQueries(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The history of {@code studentId} as {@code viewer} may see it; empty when the viewer is neither that
     * student, nor their teacher, nor an admin — the page then answers 404, the same as for an unknown id.
     */
    Optional<ProgressHistory> of(AuthenticatedUser viewer, UUID studentId) {
        return db.inContext(viewer.context(), h -> {
            boolean allowed = viewer.userId().equals(studentId) || h.createQuery(
                            "select voicely_teaches(:student) or (voicely_is_admin() and exists (select 1 from users where id = :student))")
                    .bind("student", studentId).mapTo(Boolean.class).one();
            if (!allowed) {
                return Optional.empty();
            }
            String name = h.createQuery("select display_name from profiles where user_id = :student")
                    .bind("student", studentId).mapTo(String.class).findOne().orElse("");
            List<ProgressHistory.RecordingPoint> recordings = new ArrayList<>(h.createQuery("""
                            select occurred_at,
                                   cast(payload ->> 'lowSemitone' as float8) as low,
                                   cast(payload ->> 'highSemitone' as float8) as high,
                                   cast(payload ->> 'noteAccuracyPercent' as float8) as accuracy
                              from gamification_events
                             where user_id = :student and type = 'recording.analysed'
                             order by occurred_at desc
                             limit :limit
                            """)
                    .bind("student", studentId).bind("limit", MAX_RECORDINGS)
                    .map((rs, ctx) -> new ProgressHistory.RecordingPoint(
                            LocalDate.ofInstant(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), SCHOOL_ZONE),
                            new VocalRange(rs.getDouble("low"), rs.getDouble("high")), rs.getDouble("accuracy")))
                    .list());
            java.util.Collections.reverse(recordings);
            return Optional.of(new ProgressHistory(name, recordings, weeks(h, studentId)));
        });
    }

    private List<ProgressHistory.WeekPoint> weeks(org.jdbi.v3.core.Handle h, UUID studentId) {
        LocalDate thisSunday = LocalDate.ofInstant(clock.instant(), SCHOOL_ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        LocalDate first = thisSunday.minusWeeks(WEEKS - 1);
        Map<LocalDate, Integer> days = new HashMap<>();
        h.createQuery("""
                        select distinct cast(occurred_at at time zone :zone as date) as day
                          from gamification_events
                         where user_id = :student and occurred_at >= :from
                        """)
                .bind("zone", SCHOOL_ZONE.getId()).bind("student", studentId)
                .bind("from", first.atStartOfDay(SCHOOL_ZONE).toInstant())
                .mapTo(LocalDate.class)
                .forEach(day -> days.merge(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)), 1, Integer::sum));
        List<ProgressHistory.WeekPoint> weeks = new ArrayList<>(WEEKS);
        for (LocalDate sunday = first; !sunday.isAfter(thisSunday); sunday = sunday.plusWeeks(1)) {
            weeks.add(new ProgressHistory.WeekPoint(sunday, days.getOrDefault(sunday, 0)));
        }
        return weeks;
    }
}
