package il.co.voicely.app.achievements;

import il.co.voicely.app.auth.Access;
import il.co.voicely.app.auth.Forms;
import il.co.voicely.app.web.Pages;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.gamification.leaderboard.Board;
import il.co.voicely.gamification.leaderboard.Period;
import il.co.voicely.gamification.leaderboard.Standing;
import il.co.voicely.gamification.rules.Achievements;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /achievements}: the student's grid, earned and locked with how to earn each, and their stars per
 * exercise. {@code /leaderboard}: weekly (the Israeli week), monthly and all-time boards, the school's or a
 * group's, with the student's opt-out ({@code POST /leaderboard/opt-out}).
 */
public final class AchievementsService implements HttpService {

    private final Pages pages;
    private final Database db;
    private final Achievements achievements;
    private final BoardReader boards;

    @Inject
    AchievementsService(Pages pages, Database db, BoardReader boards) {
        this.pages = pages;
        this.db = db;
        this.achievements = new Achievements(db);
        this.boards = boards;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/achievements", this::grid);
        rules.get("/leaderboard", this::leaderboard);
        rules.post("/leaderboard/opt-out", this::optOut);
    }

    private void grid(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        String lang = pages.lang(req).code();
        List<AchievementTile> tiles = achievements.of(me.context(), me.userId()).stream()
                .map(s -> AchievementTile.of(s, lang)).toList();
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, Status.OK_200, "achievements/achievements.jte", Map.of(
                "earned", tiles.stream().filter(AchievementTile::earned).toList(),
                "locked", tiles.stream().filter(t -> !t.earned()).toList(),
                "exercises", exerciseStars(me)));
    }

    private List<ExerciseStars> exerciseStars(AuthenticatedUser me) {
        return db.inContext(me.context(), h -> h.createQuery("""
                        select e.title, p.stars, coalesce(p.best_score, 0) as best
                          from user_progress p
                          join vocal_exercises e on e.id = p.exercise_id
                         where p.user_id = :me
                         order by p.stars desc, e.title
                        """)
                .bind("me", me.userId())
                .map((rs, ctx) -> new ExerciseStars(rs.getString("title"), rs.getInt("stars"), rs.getDouble("best")))
                .list());
    }

    private void leaderboard(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        Period period = periodOf(req.query().first("period").orElse("weekly"));
        List<Map.Entry<UUID, String>> groups = boards.groupsOf(me);
        Optional<String> groupParam = req.query().first("group").asOptional().filter(g -> !g.isBlank());
        Optional<UUID> groupId = groupParam.flatMap(AchievementsService::uuid);
        if (groupParam.isPresent() && (groupId.isEmpty() || groups.stream().noneMatch(g -> g.getKey().equals(groupId.get())))) {
            // A group the viewer is not in looks exactly like one that does not exist.
            throw new io.helidon.http.NotFoundException("no such group board");
        }
        Optional<Board> board = boards.read(me, period, groupId);
        List<StandingRow> rows = new ArrayList<>();
        String anonymous = pages.messages().text(pages.lang(req), "leaderboard.unnamed");
        for (Standing s : board.map(Board::standings).orElse(List.of())) {
            rows.add(new StandingRow(s.rank(), s.displayName().orElse(anonymous), s.score().longValue(),
                    s.userId().equals(me.userId())));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("period", period.sqlName());
        params.put("groupId", groupId.map(UUID::toString).orElse(""));
        params.put("groups", groups);
        params.put("rows", rows);
        params.put("optedOut", boards.optedOut(me));
        params.put("saved", req.query().first("saved").asOptional().isPresent());
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, Status.OK_200, "achievements/leaderboard.jte", params);
    }

    private void optOut(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        String value = Forms.text(Forms.of(req), "optOut");
        if (!value.equals("true") && !value.equals("false")) {
            throw new io.helidon.http.BadRequestException("optOut must be true or false");
        }
        boards.setOptOut(me, Boolean.parseBoolean(value));
        // Right away, not at the next recomputation: a student who leaves must vanish from every board now.
        boards.recomputeAll(boards.groupsOf(me).stream().map(Map.Entry::getKey).toList());
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/leaderboard?saved=1").send();
    }

    private static Period periodOf(String value) {
        for (Period p : Period.values()) {
            if (p.sqlName().equals(value)) {
                return p;
            }
        }
        return Period.WEEKLY;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
