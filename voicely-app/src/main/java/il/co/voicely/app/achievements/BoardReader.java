package il.co.voicely.app.achievements;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.gamification.leaderboard.Board;
import il.co.voicely.gamification.leaderboard.Leaderboards;
import il.co.voicely.gamification.leaderboard.Period;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Boards as a viewer may see them, recomputed on demand when older than {@link #FRESH_FOR}: a school's boards
 * take one SQL statement to rank, so a page view at most every half minute per board keeps them current
 * without a background job, and the shared {@code leaderboards} row serialises two instances recomputing at once.
 */
final class BoardReader {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final Database db;
    private final Clock clock;
    private final Leaderboards boards;

    @Inject
    BoardReader(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.boards = new Leaderboards(db, clock);
    }

    /** The board of {@code period} (a group's when given), fresh, read under the viewer's row-level security. */
    Optional<Board> read(AuthenticatedUser viewer, Period period, Optional<UUID> groupId) {
        Optional<Board> board = boards.read(viewer.context(), period, groupId);
        if (board.isEmpty() || board.get().computedAt().isBefore(clock.instant().minus(FRESH_FOR))) {
            boards.recompute(period, groupId);
            board = boards.read(viewer.context(), period, groupId);
        }
        return board;
    }

    /** Recomputes every period of the school's board and of {@code groups}, e.g. right after an opt-out. */
    void recomputeAll(List<UUID> groups) {
        for (Period period : Period.values()) {
            boards.recompute(period, Optional.empty());
            groups.forEach(g -> boards.recompute(period, Optional.of(g)));
        }
    }

    /** The groups whose boards the viewer has: those they belong to or teach, by name. */
    List<Map.Entry<UUID, String>> groupsOf(AuthenticatedUser viewer) {
        return db.inContext(viewer.context(), h -> h.createQuery("""
                        select g.id, g.name from groups g
                         where g.teacher_id = :me
                            or exists (select 1 from group_members m where m.group_id = g.id and m.user_id = :me)
                         order by g.name, g.id
                        """)
                .bind("me", viewer.userId())
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("name")))
                .list());
    }

    /** Whether the viewer has opted out of the boards. */
    boolean optedOut(AuthenticatedUser viewer) {
        return db.inContext(viewer.context(), h -> h.createQuery("select leaderboard_opt_out from profiles where user_id = :me")
                .bind("me", viewer.userId()).mapTo(Boolean.class).findOne().orElse(false));
    }

    /** Records the viewer's choice in their own profile (row-level security: only their own row). */
    void setOptOut(AuthenticatedUser viewer, boolean optOut) {
        db.useContext(viewer.context(), h -> h.createUpdate("""
                        insert into profiles (user_id, leaderboard_opt_out) values (:me, :optOut)
                        on conflict (user_id) do update set leaderboard_opt_out = excluded.leaderboard_opt_out
                        """)
                .bind("me", viewer.userId()).bind("optOut", optOut).execute());
    }
}
