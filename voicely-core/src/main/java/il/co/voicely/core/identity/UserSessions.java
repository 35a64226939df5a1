package il.co.voicely.core.identity;

import il.co.voicely.core.audit.AuditEntry;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.audit.ClientIp;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Server-side sessions behind opaque tokens, shared by every app instance through PostgreSQL.
 *
 * <pre>{@code
 * UserSessions sessions = new UserSessions(db, audit, SessionPolicy.defaults(), Clock.systemUTC());
 * Optional<AuthenticatedUser> me = sessions.resolve(cookieValue); // empty: expired, revoked, unknown, disabled
 * }</pre>
 *
 * <p>Only the SHA-256 of a token is stored. Expiry slides with use (the idle timeout) but never past the
 * absolute lifetime from sign-in. Look-ups by token run as {@code system}: before the look-up nobody is
 * known; listing and revoking one's own sessions run as the user, so RLS limits them to their rows.
 */
public final class UserSessions {

    private static final String RESOLVE = """
            select s.id as session_id, s.created_at, s.last_seen_at, u.id as user_id, u.email, u.locale,
                   u.email_verified_at is not null as verified,
                   array(select r.role from user_roles r where r.user_id = u.id) as roles
            from user_sessions s join users u on u.id = s.user_id
            where s.token_hash = :hash and s.revoked_at is null and s.expires_at > :now and u.status = 'active'
            """;

    private final Database db;
    private final AuditLog audit;
    private final SessionPolicy policy;
    private final Clock clock;

    public UserSessions(Database db, AuditLog audit, SessionPolicy policy, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts a session for {@code userId} with a new token. Call only after proving who the user is
     * ({@link UserAccounts#authenticate} does).
     *
     * @throws IllegalStateException when the user is not active or holds no role
     */
    public SignedIn start(UUID userId, String ip, String userAgent) {
        return db.inContext(SessionContext.system(), h -> start(h, userId, ip, userAgent));
    }

    SignedIn start(Handle h, UUID userId, String ip, String userAgent) {
        Instant now = clock.instant();
        String token = Tokens.newToken();
        Instant expires = now.plus(policy.idleTimeout());
        h.createUpdate("""
                        insert into user_sessions (user_id, token_hash, created_at, expires_at, last_seen_at, ip, user_agent)
                        values (:userId, :hash, :now, :expires, :now, cast(:ip as inet), :ua)
                        """)
                .bind("userId", userId)
                .bind("hash", Tokens.hash(token))
                .bind("now", utc(now))
                .bind("expires", utc(expires))
                .bind("ip", ClientIp.literal(ip).orElse(null))
                .bind("ua", userAgent == null ? null : truncate(userAgent))
                .execute();
        AuthenticatedUser user = lookUp(h, Tokens.hash(token), now)
                .orElseThrow(() -> new IllegalStateException("user " + userId + " is not active or holds no role"));
        return new SignedIn(token, expires, user);
    }

    /**
     * The user behind {@code token}, or empty when the token is unknown, expired, revoked, or its user is
     * disabled. Extends the session when it was last seen more than {@link SessionPolicy#refreshAfter} ago.
     */
    public Optional<AuthenticatedUser> resolve(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return db.inContext(SessionContext.system(), h -> {
            Optional<AuthenticatedUser> user = lookUp(h, Tokens.hash(token), now);
            user.ifPresent(u -> h.createUpdate("""
                            update user_sessions
                            set last_seen_at = :now, expires_at = least(created_at + cast(:absoluteSeconds as double precision) * interval '1 second', :idleUntil)
                            where id = :id and last_seen_at < :staleBefore
                            """)
                    .bind("now", utc(now))
                    .bind("absoluteSeconds", policy.absoluteLifetime().toSeconds())
                    .bind("idleUntil", utc(now.plus(policy.idleTimeout())))
                    .bind("id", u.sessionId())
                    .bind("staleBefore", utc(now.minus(policy.refreshAfter())))
                    .execute());
            return user;
        });
    }

    /** Signs out the session of {@code token} (no-op for an unknown one), and records it. */
    public void signOut(String token, String ip, String userAgent) {
        if (!Tokens.wellFormed(token)) {
            return;
        }
        db.useContext(SessionContext.system(), h -> h.createQuery("""
                        update user_sessions set revoked_at = :now
                        where token_hash = :hash and revoked_at is null returning user_id
                        """)
                .bind("now", utc(clock.instant()))
                .bind("hash", Tokens.hash(token))
                .mapTo(UUID.class)
                .findOne()
                .ifPresent(userId -> audit.append(h, AuditEntry.of("auth.sign_out").actor(userId)
                        .target("user", userId.toString()).client(ip, userAgent))));
    }

    /** Revokes one of {@code user}'s own sessions (a device in the settings list); false if not theirs or gone. */
    public boolean revoke(AuthenticatedUser user, UUID sessionId, String ip, String userAgent) {
        return db.inContext(user.context(), h -> {
            int n = h.createUpdate("update user_sessions set revoked_at = :now where id = :id and user_id = :userId and revoked_at is null")
                    .bind("now", utc(clock.instant()))
                    .bind("id", sessionId)
                    .bind("userId", user.userId())
                    .execute();
            if (n > 0) {
                audit.append(h, AuditEntry.of("auth.session_revoked").actor(user.userId())
                        .target("session", sessionId.toString()).client(ip, userAgent));
            }
            return n > 0;
        });
    }

    /** "Sign out everywhere": ends all of {@code user}'s sessions, this one included. Returns how many. */
    public int signOutEverywhere(AuthenticatedUser user, String ip, String userAgent) {
        return db.inContext(user.context(), h -> {
            int n = revokeAll(h, user.userId(), null);
            audit.append(h, AuditEntry.of("auth.sign_out_everywhere").actor(user.userId())
                    .target("user", user.userId().toString()).client(ip, userAgent).detail("sessions", n));
            return n;
        });
    }

    /** {@code user}'s sessions that are still valid, most recently used first. */
    public List<ActiveSession> list(AuthenticatedUser user) {
        Instant now = clock.instant();
        return db.inContext(user.context(), h -> h.createQuery("""
                        select id, created_at, last_seen_at, expires_at, host(ip) as ip, user_agent from user_sessions
                        where user_id = :userId and revoked_at is null and expires_at > :now
                        order by last_seen_at desc, created_at desc
                        """)
                .bind("userId", user.userId())
                .bind("now", utc(now))
                .map((rs, ctx) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new ActiveSession(id,
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("last_seen_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getString("ip")),
                            Optional.ofNullable(rs.getString("user_agent")),
                            id.equals(user.sessionId()));
                })
                .list());
    }

    /** Revokes every open session of {@code userId} except {@code keep} (null: all), in the caller's transaction. */
    int revokeAll(Handle h, UUID userId, UUID keep) {
        return h.createUpdate("""
                        update user_sessions set revoked_at = :now
                        where user_id = :userId and revoked_at is null and (cast(:keep as uuid) is null or id <> cast(:keep as uuid))
                        """)
                .bind("now", utc(clock.instant()))
                .bind("userId", userId)
                .bind("keep", keep)
                .execute();
    }

    private static Optional<AuthenticatedUser> lookUp(Handle h, String hash, Instant now) {
        return h.createQuery(RESOLVE)
                .bind("hash", hash)
                .bind("now", utc(now))
                .map((rs, ctx) -> {
                    Set<Role> roles = roles(rs.getArray("roles"));
                    if (roles.isEmpty()) {
                        return Optional.<AuthenticatedUser>empty();
                    }
                    Role primary = roles.contains(Role.ADMIN) ? Role.ADMIN : roles.contains(Role.TEACHER) ? Role.TEACHER : Role.STUDENT;
                    return Optional.of(new AuthenticatedUser(rs.getObject("user_id", UUID.class), rs.getString("email"), roles,
                            primary, rs.getString("locale"), rs.getObject("session_id", UUID.class), rs.getBoolean("verified")));
                })
                .findOne()
                .flatMap(found -> found);
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : (Object[]) array.getArray()) {
            roles.add(Role.valueOf(name.toString().toUpperCase(java.util.Locale.ROOT)));
        }
        return roles;
    }

    private static String truncate(String userAgent) {
        return userAgent.length() > 500 ? userAgent.substring(0, 500) : userAgent;
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
