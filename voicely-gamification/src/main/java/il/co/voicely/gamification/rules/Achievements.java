package il.co.voicely.gamification.rules;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The achievement catalogue: staff define achievements, students see theirs earned and locked.
 *
 * <pre>{@code
 * Achievements achievements = new Achievements(db);
 * achievements.define(SessionContext.user(teacherId, Role.TEACHER), AchievementDefinition.of("chat.10",
 *         "10 תשובות בצ'אט", new AchievementRule.EventCount(ChatPromptAnswered.TYPE, 10), 1));
 * List<AchievementStatus> grid = achievements.of(SessionContext.user(studentId, Role.STUDENT), studentId);
 * }</pre>
 *
 * <p>Both run under the caller's row-level security: only staff may define, and a student sees only their
 * own awards (a teacher those of their students).
 */
public final class Achievements {

    private final Database db;

    /** The catalogue in {@code db}. */
    public Achievements(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Adds the achievement, or updates the one with the same code (awards already given stay). It applies to
     * the next event processed; there is no retroactive pass over past events.
     */
    public void define(SessionContext staff, AchievementDefinition d) {
        db.useContext(staff, h -> h.createUpdate("""
                        insert into achievements (code, title_he, title_en, description_he, description_en, category,
                                                  rule, stars, sort_order, active)
                        values (:code, :titleHe, :titleEn, :descriptionHe, :descriptionEn, :category,
                                cast(:rule as jsonb), :stars, :sortOrder, true)
                        on conflict (code) do update set
                            title_he = excluded.title_he, title_en = excluded.title_en,
                            description_he = excluded.description_he, description_en = excluded.description_en,
                            category = excluded.category, rule = excluded.rule, stars = excluded.stars,
                            sort_order = excluded.sort_order, active = true
                        """)
                .bind("code", d.code()).bind("titleHe", d.titleHe())
                .bind("titleEn", d.titleEn().orElse(null)).bind("descriptionHe", d.descriptionHe().orElse(null))
                .bind("descriptionEn", d.descriptionEn().orElse(null)).bind("category", d.category().orElse(null))
                .bind("rule", d.rule().toJson()).bind("stars", d.stars()).bind("sortOrder", d.sortOrder())
                .execute());
    }

    /** Stops awarding an achievement (as staff); awards already given stay. False when no such code. */
    public boolean retire(SessionContext staff, String code) {
        return db.inContext(staff, h -> h.createUpdate("update achievements set active = false where code = :code")
                .bind("code", code).execute() == 1);
    }

    /** Every active achievement with the student's award, if any, in display order. */
    public List<AchievementStatus> of(SessionContext viewer, UUID userId) {
        return db.inContext(viewer, h -> h.createQuery("""
                        select a.code, a.title_he, a.title_en, a.description_he, a.description_en, a.category, a.stars,
                               a.rule::text as rule, ua.awarded_at, ua.reason::text as reason
                          from achievements a
                          left join user_achievements ua on ua.achievement_id = a.id and ua.user_id = :user
                         where a.active or ua.id is not null
                         order by a.sort_order, a.code
                        """)
                .bind("user", userId)
                .map((rs, ctx) -> status(rs))
                .list());
    }

    private static AchievementStatus status(ResultSet rs) throws SQLException {
        Optional<AchievementRule> rule;
        try {
            rule = Optional.of(AchievementRule.parse(rs.getString("rule")));
        } catch (InvalidRuleException e) {
            rule = Optional.empty();
        }
        OffsetDateTime awarded = rs.getObject("awarded_at", OffsetDateTime.class);
        String reason = rs.getString("reason");
        return new AchievementStatus(rs.getString("code"), rs.getString("title_he"),
                Optional.ofNullable(rs.getString("title_en")), Optional.ofNullable(rs.getString("description_he")),
                Optional.ofNullable(rs.getString("description_en")), Optional.ofNullable(rs.getString("category")),
                rs.getInt("stars"), rule, Optional.ofNullable(awarded).map(OffsetDateTime::toInstant),
                reason == null ? Map.of() : Json.readMap(reason));
    }
}
