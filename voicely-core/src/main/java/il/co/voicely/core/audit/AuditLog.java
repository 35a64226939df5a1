package il.co.voicely.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The append-only record of security-relevant actions (sign-ins, role changes, invitations, exports…).
 *
 * <pre>{@code
 * AuditLog audit = new AuditLog(db, Clock.systemUTC());
 * audit.append(SessionContext.anonymous(), AuditEntry.of("auth.sign_in_failed").target("account", email).client(ip, ua));
 * AuditPage page = audit.query(admin.context(), AuditQuery.all().action("auth.sign_in_failed"));
 * }</pre>
 *
 * <p>Anyone may append, from any role context; only admins (and system jobs) read, because row-level
 * security says so. The application role has no UPDATE or DELETE grant on the table at all.
 */
public final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    // No RETURNING: it would need the SELECT policy, which only admins pass.
    private static final String INSERT = """
            insert into audit_log (occurred_at, actor_user_id, action, target_type, target_id, ip, user_agent, details)
            values (:at, :actor, :action, :targetType, :targetId, cast(:ip as inet), :userAgent, cast(:details as jsonb))
            """;

    private static final String FILTER = """
            from audit_log
            where (cast(:actor as uuid) is null or actor_user_id = cast(:actor as uuid))
              and (cast(:action as text) is null or action = cast(:action as text))
              and (cast(:from as timestamptz) is null or occurred_at >= cast(:from as timestamptz))
              and (cast(:to as timestamptz) is null or occurred_at < cast(:to as timestamptz))
            """;

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Appends {@code entry} in its own transaction, acting for {@code context}. */
    public void append(SessionContext context, AuditEntry entry) {
        db.useContext(context, h -> append(h, entry));
    }

    /** Appends {@code entry} inside the caller's transaction, so it commits (or not) with the change it records. */
    public void append(Handle handle, AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        String details;
        try {
            details = JSON.writeValueAsString(entry.details());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details of '" + entry.action() + "' are not JSON-serialisable: " + e.getMessage(), e);
        }
        handle.createUpdate(INSERT)
                .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .bind("actor", entry.actor().orElse(null))
                .bind("action", entry.action())
                .bind("targetType", entry.targetType().orElse(null))
                .bind("targetId", entry.targetId().orElse(null))
                .bind("ip", entry.ip().flatMap(ClientIp::literal).orElse(null))
                .bind("userAgent", entry.userAgent().map(ua -> ua.length() > 500 ? ua.substring(0, 500) : ua).orElse(null))
                .bind("details", details)
                .execute();
    }

    /**
     * One page of rows matching {@code query}, newest first, read as {@code context}: an admin's context
     * sees rows, any other context sees none (row-level security), never an error.
     */
    public AuditPage query(SessionContext context, AuditQuery query) {
        Objects.requireNonNull(query, "query");
        return db.inContext(context, h -> {
            long total = h.createQuery("select count(*) " + FILTER)
                    .bindMap(filters(query))
                    .mapTo(long.class).one();
            List<AuditRecord> rows = h.createQuery("""
                            select id, occurred_at, actor_user_id, actor_role, action, target_type, target_id,
                                   host(ip) as ip, user_agent, details::text as details
                            """ + FILTER + " order by occurred_at desc, id desc limit :limit offset :offset")
                    .bindMap(filters(query))
                    .bind("limit", query.pageSize())
                    .bind("offset", (long) (query.page() - 1) * query.pageSize())
                    .map((rs, ctx) -> new AuditRecord(
                            rs.getLong("id"),
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getObject("actor_user_id", UUID.class)),
                            rs.getString("actor_role"),
                            rs.getString("action"),
                            Optional.ofNullable(rs.getString("target_type")),
                            Optional.ofNullable(rs.getString("target_id")),
                            Optional.ofNullable(rs.getString("ip")),
                            Optional.ofNullable(rs.getString("user_agent")),
                            rs.getString("details")))
                    .list();
            return new AuditPage(rows, total, query.page(), query.pageSize());
        });
    }

    private static java.util.Map<String, Object> filters(AuditQuery q) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("actor", q.actor().orElse(null));
        m.put("action", q.action().orElse(null));
        m.put("from", q.from().map(AuditLog::utc).orElse(null));
        m.put("to", q.to().map(AuditLog::utc).orElse(null));
        return m;
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
