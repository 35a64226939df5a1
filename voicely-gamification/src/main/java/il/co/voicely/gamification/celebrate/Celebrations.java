package il.co.voicely.gamification.celebrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The celebrations the engine created, read and dismissed by the student themself (row-level security:
 * a student sees and marks only their own).
 *
 * <pre>{@code
 * Celebrations celebrations = new Celebrations(db, Clock.systemUTC());
 * for (Celebration c : celebrations.unseen(studentId)) { show(c); celebrations.markSeen(studentId, c.id()); }
 * }</pre>
 *
 * <p>Sending the same moment by WhatsApp or e-mail is the app's job: it has the outcome of
 * {@code AchievementEngine.process} and schedules the message through its jobs.
 */
public final class Celebrations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Clock clock;

    /** Celebrations in {@code db}; {@code clock} stamps when one was seen. */
    public Celebrations(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The student's celebrations not yet seen, oldest first, read as that student. */
    public List<Celebration> unseen(UUID userId) {
        return db.inContext(SessionContext.user(userId, Role.STUDENT), h -> h.createQuery("""
                        select c.id, c.user_id, c.kind, a.code, c.payload::text as payload, c.created_at
                          from celebrations c
                          left join achievements a on a.id = c.achievement_id
                         where c.user_id = :user and c.seen_at is null
                         order by c.created_at, c.id
                        """)
                .bind("user", userId)
                .map((rs, ctx) -> new Celebration(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getString("kind"), Optional.ofNullable(rs.getString("code")), read(rs.getString("payload")),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list());
    }

    /** Marks one celebration seen, as the student; false when it is not theirs or already seen. */
    public boolean markSeen(UUID userId, UUID celebrationId) {
        return db.inContext(SessionContext.user(userId, Role.STUDENT), h -> h.createUpdate("""
                        update celebrations set seen_at = :now where id = :id and user_id = :user and seen_at is null
                        """)
                .bind("now", clock.instant()).bind("id", celebrationId).bind("user", userId)
                .execute() == 1);
    }

    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("celebration payload is not a JSON object: " + json, e);
        }
    }
}
