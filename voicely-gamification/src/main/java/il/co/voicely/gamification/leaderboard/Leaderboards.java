package il.co.voicely.gamification.leaderboard;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Leaderboards ranked by stars earned in a period (achievement stars by award time plus exercise stars by
 * attempt time), computed in SQL with {@code rank()} and stored in {@code leaderboards}/{@code leaderboard_entries}.
 *
 * <pre>{@code
 * Leaderboards boards = new Leaderboards(db, Clock.systemUTC());
 * boards.recompute(Period.WEEKLY, Optional.empty());                     // a job, e.g. every minute
 * Optional<Board> week = boards.read(SessionContext.user(me, Role.STUDENT), Period.WEEKLY, Optional.empty());
 * }</pre>
 *
 * <p>Who appears: active students with a positive score. Students who opted out
 * ({@code profiles.leaderboard_opt_out}) are left out entirely — not shown as "anonymous" — so no board
 * row (not even a user id) exists for them, and ranks are counted among those shown. Students under 18 on
 * the period's first day (from {@code users.birth_date}; all-time: on the day of computing) are left out
 * the same way; an unknown birth date counts as adult, because the school records the birth date of every
 * minor (guardian consent). Periods follow the school's zone: the week starts Sunday 00:00 Asia/Jerusalem.
 */
public final class Leaderboards {

    private final Database db;
    private final Clock clock;
    private final ZoneId zone;

    /** Boards in the school's zone, Asia/Jerusalem. */
    public Leaderboards(Database db, Clock clock) {
        this(db, clock, ZoneId.of("Asia/Jerusalem"));
    }

    /** Boards whose periods (week, month) follow {@code zone}; {@code clock} picks the current period. */
    public Leaderboards(Database db, Clock clock, ZoneId zone) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Computes the current period's board (the school's when {@code groupId} is empty) and stores it,
     * replacing the previous computation, acting as the system.
     */
    public Board recompute(Period period, Optional<UUID> groupId) {
        Instant now = clock.instant();
        Period.Range range = period.rangeAt(now, zone);
        return db.inContext(SessionContext.system(), h -> {
            UUID boardId = h.createQuery("""
                            insert into leaderboards (period, scope, group_id, metric, period_start, period_end, computed_at)
                            values (:period, :scope, :group, 'stars', :start, :end, :now)
                            on conflict on constraint leaderboards_board_key
                            do update set computed_at = excluded.computed_at, period_end = excluded.period_end
                            returning id
                            """)
                    .bind("period", period.sqlName()).bind("scope", groupId.isPresent() ? "group" : "school")
                    .bindByType("group", groupId.orElse(null), UUID.class)
                    .bindByType("start", period == Period.ALL_TIME ? null : range.start(), LocalDate.class)
                    .bindByType("end", period == Period.ALL_TIME ? null : range.end(), LocalDate.class)
                    .bind("now", now)
                    .mapTo(UUID.class).one();
            h.createUpdate("delete from leaderboard_entries where leaderboard_id = :board").bind("board", boardId).execute();
            h.createUpdate(Sql.RANKING)
                    .bind("board", boardId).bind("from", range.from()).bind("until", range.until())
                    .bind("adultOn", period == Period.ALL_TIME ? range.end() : range.start())
                    .bindByType("group", groupId.orElse(null), UUID.class)
                    .execute();
            return readBoard(h, period, groupId, now).orElseThrow();
        });
    }

    /**
     * The stored board of the current period, as {@code viewer} may see it (row-level security: school
     * boards to any signed-in user, a group's to its members and teacher); empty when not computed yet.
     */
    public Optional<Board> read(SessionContext viewer, Period period, Optional<UUID> groupId) {
        return db.inContext(viewer, h -> readBoard(h, period, groupId, clock.instant()));
    }

    private Optional<Board> readBoard(Handle h, Period period, Optional<UUID> groupId, Instant now) {
        Period.Range range = period.rangeAt(now, zone);
        Optional<BoardRow> row = h.createQuery("""
                        select id, computed_at from leaderboards
                         where period = :period and metric = 'stars'
                           and group_id is not distinct from :group
                           and period_start is not distinct from :start
                        """)
                .bind("period", period.sqlName())
                .bindByType("group", groupId.orElse(null), UUID.class)
                .bindByType("start", period == Period.ALL_TIME ? null : range.start(), LocalDate.class)
                .map((rs, ctx) -> new BoardRow(rs.getObject("id", UUID.class),
                        rs.getObject("computed_at", OffsetDateTime.class).toInstant()))
                .findOne();
        return row.map(b -> {
            List<Standing> standings = h.createQuery("""
                            select rank, user_id, display_name, score from leaderboard_entries
                             where leaderboard_id = :board
                             order by rank, display_name nulls last, user_id
                            """)
                    .bind("board", b.id())
                    .map((rs, ctx) -> new Standing(rs.getInt("rank"), rs.getObject("user_id", UUID.class),
                            Optional.ofNullable(rs.getString("display_name")), rs.getBigDecimal("score")))
                    .list();
            boolean allTime = period == Period.ALL_TIME;
            return new Board(b.id(), period, groupId, allTime ? Optional.empty() : Optional.of(range.start()),
                    allTime ? Optional.empty() : Optional.of(range.end()), b.computedAt(), standings);
        });
    }

    private record BoardRow(UUID id, Instant computedAt) {
    }

    /** The ranking statement: stars earned in [from, until), visible students only, ranked with rank(). */
    static final class Sql {
        static final String RANKING = """
                with earned as (
                    select ua.user_id, a.stars::numeric as stars
                      from user_achievements ua
                      join achievements a on a.id = ua.achievement_id
                     where ua.awarded_at >= :from and ua.awarded_at < :until
                    union all
                    select e.user_id, e.stars_gained::numeric
                      from gamification_events e
                     where e.stars_gained > 0 and e.occurred_at >= :from and e.occurred_at < :until
                ), scores as (
                    select user_id, sum(stars) as score from earned group by user_id
                )
                insert into leaderboard_entries (leaderboard_id, user_id, rank, score, display_name)
                select :board, s.user_id, rank() over (order by s.score desc), s.score, p.display_name
                  from scores s
                  join users u on u.id = s.user_id and u.status = 'active'
                  left join profiles p on p.user_id = s.user_id
                 where s.score > 0
                   and exists (select 1 from user_roles r where r.user_id = s.user_id and r.role = 'student')
                   and not coalesce(p.leaderboard_opt_out, false)
                   and (u.birth_date is null or u.birth_date + interval '18 years' <= cast(:adultOn as date))
                   and (cast(:group as uuid) is null
                        or exists (select 1 from group_members m where m.group_id = cast(:group as uuid) and m.user_id = s.user_id))
                """;

        private Sql() {
        }
    }
}
