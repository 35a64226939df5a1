package il.co.voicely.core.identity;

import il.co.voicely.core.audit.AuditEntry;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.EmailTokens.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * What admins do to other people's accounts: invite, change the role, disable and re-enable; and what an
 * operator does from the shell: create an account with a password. Admin actions run in the admin's own
 * row-level security context and need the {@code users.manage} permission; all are audited.
 *
 * <pre>{@code
 * UserAdministration admin = new UserAdministration(db, sessions, audit, mail, PasswordHasher.defaults(),
 *         PasswordPolicy.standard(), Clock.systemUTC());
 * UUID teacher = admin.invite(me, "rina@example.com", Role.TEACHER, "he", ip, ua);
 * }</pre>
 */
public final class UserAdministration {

    /** How long an invitation link works. */
    public static final Duration INVITATION_TTL = Duration.ofDays(7);
    private static final String MANAGE = "users.manage";

    private final Database db;
    private final UserSessions sessions;
    private final AuditLog audit;
    private final AccountMail mail;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final Permissions permissions;

    public UserAdministration(Database db, UserSessions sessions, AuditLog audit, AccountMail mail, PasswordHasher hasher,
                              PasswordPolicy policy, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.permissions = new Permissions(db);
    }

    /**
     * Invites {@code email} as {@code role} and mails the link. Inviting an address whose invitation is
     * still pending sends a fresh link (the old one stops working).
     *
     * @return the invited user's id
     * @throws EmailTakenException when the address already has an active or disabled account
     * @throws PermissionDeniedException when {@code admin} lacks {@code users.manage}
     */
    public UUID invite(AuthenticatedUser admin, String email, Role role, String locale, String ip, String userAgent) {
        permissions.require(admin, MANAGE);
        String address = Emails.require(email);
        requirePersonRole(role);
        String lang = Emails.locale(locale);
        Instant now = clock.instant();
        record Invited(UUID id, String token) {
        }
        Invited invited = db.inContext(admin.context(), h -> {
            Optional<String> status = h.createQuery("select status from users where email = :email").bind("email", address)
                    .mapTo(String.class).findOne();
            if (status.isPresent() && !status.get().equals("invited")) {
                throw new EmailTakenException(address);
            }
            UUID id = h.createQuery("""
                            insert into users (email, status, locale) values (:email, 'invited', :locale)
                            on conflict (email) do update set locale = excluded.locale returning id
                            """)
                    .bind("email", address).bind("locale", lang).mapTo(UUID.class).one();
            setRole(h, id, role, admin.userId());
            String token = EmailTokens.issue(h, id, address, Purpose.INVITATION, now, now.plus(INVITATION_TTL));
            audit.append(h, AuditEntry.of("user.invited").actor(admin.userId()).target("user", id.toString())
                    .client(ip, userAgent).detail("email", address).detail("role", role.sqlName()));
            return new Invited(id, token);
        });
        mail.invitation(address, invited.id(), lang, invited.token(), role, INVITATION_TTL.toDays());
        return invited.id();
    }

    /**
     * Gives {@code userId} exactly {@code role} (replacing the roles they had). Takes effect on their next
     * request: sessions read roles live.
     *
     * @throws PermissionDeniedException without {@code users.manage}, or when admins change their own role
     * @throws AccountNotFoundException for an unknown user
     */
    public void changeRole(AuthenticatedUser admin, UUID userId, Role role, String ip, String userAgent) {
        permissions.require(admin, MANAGE);
        requirePersonRole(role);
        notSelf(admin, userId, "an admin cannot change their own role (ask another admin)");
        db.useContext(admin.context(), h -> {
            requireExists(h, userId);
            List<String> before = h.createQuery("select role from user_roles where user_id = :id order by role")
                    .bind("id", userId).mapTo(String.class).list();
            setRole(h, userId, role, admin.userId());
            audit.append(h, AuditEntry.of("user.role_changed").actor(admin.userId()).target("user", userId.toString())
                    .client(ip, userAgent).detail("from", before).detail("to", role.sqlName()));
        });
    }

    /**
     * Disables an account and ends its sessions; it can no longer sign in.
     *
     * @throws PermissionDeniedException without {@code users.manage}, or for one's own account
     * @throws AccountNotFoundException for an unknown user
     */
    public void deactivate(AuthenticatedUser admin, UUID userId, String ip, String userAgent) {
        permissions.require(admin, MANAGE);
        notSelf(admin, userId, "an admin cannot disable their own account");
        db.useContext(admin.context(), h -> {
            requireExists(h, userId);
            h.createUpdate("update users set status = 'disabled' where id = :id").bind("id", userId).execute();
            int revoked = sessions.revokeAll(h, userId, null);
            audit.append(h, AuditEntry.of("user.deactivated").actor(admin.userId()).target("user", userId.toString())
                    .client(ip, userAgent).detail("sessionsRevoked", revoked));
        });
    }

    /**
     * Re-enables a disabled account.
     *
     * @throws AccountNotFoundException for an unknown user
     */
    public void reactivate(AuthenticatedUser admin, UUID userId, String ip, String userAgent) {
        permissions.require(admin, MANAGE);
        db.useContext(admin.context(), h -> {
            requireExists(h, userId);
            h.createUpdate("update users set status = 'active' where id = :id and status = 'disabled'").bind("id", userId).execute();
            audit.append(h, AuditEntry.of("user.reactivated").actor(admin.userId()).target("user", userId.toString())
                    .client(ip, userAgent));
        });
    }

    /**
     * Creates an active, verified account with a password, for an operator at the shell
     * ({@code voicely users add}). Runs as {@code system}; there is no person to check.
     *
     * @throws EmailTakenException when the address has an account
     * @throws AccountInputException for an invalid address or a weak password
     */
    public UUID createAccount(String email, Role role, String password, String locale) {
        String address = Emails.require(email);
        requirePersonRole(role);
        policy.check(password);
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        return db.inContext(SessionContext.system(), h -> {
            UUID id = h.createQuery("""
                            insert into users (email, password_hash, password_params, status, locale, email_verified_at)
                            values (:email, :hash, :params, 'active', :locale, :now)
                            on conflict (email) do nothing returning id
                            """)
                    .bind("email", address).bind("hash", hash).bind("params", PasswordHasher.parametersOf(hash))
                    .bind("locale", Emails.locale(locale)).bind("now", UserSessions.utc(now))
                    .mapTo(UUID.class).findOne()
                    .orElseThrow(() -> new EmailTakenException(address));
            setRole(h, id, role, null);
            audit.append(h, AuditEntry.of("user.created").target("user", id.toString())
                    .detail("email", address).detail("role", role.sqlName()).detail("via", "operator"));
            return id;
        });
    }

    private static void setRole(Handle h, UUID userId, Role role, UUID grantedBy) {
        h.createUpdate("delete from user_roles where user_id = :id").bind("id", userId).execute();
        h.createUpdate("insert into user_roles (user_id, role, granted_by) values (:id, :role, :by)")
                .bind("id", userId).bind("role", role.sqlName()).bind("by", grantedBy).execute();
    }

    private static void requireExists(Handle h, UUID userId) {
        if (h.createQuery("select count(*) from users where id = :id").bind("id", userId).mapTo(int.class).one() == 0) {
            throw new AccountNotFoundException(userId);
        }
    }

    private static void requirePersonRole(Role role) {
        if (role != Role.STUDENT && role != Role.TEACHER && role != Role.ADMIN) {
            throw new IllegalArgumentException("accounts hold student, teacher or admin, not " + role);
        }
    }

    private static void notSelf(AuthenticatedUser admin, UUID userId, String why) {
        if (admin.userId().equals(userId)) {
            throw new PermissionDeniedException(admin.userId(), MANAGE, why);
        }
    }
}
