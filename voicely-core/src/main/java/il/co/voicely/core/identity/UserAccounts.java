package il.co.voicely.core.identity;

import il.co.voicely.core.audit.AuditEntry;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.EmailTokens.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * What people do with their own accounts: sign up, confirm the address, sign in, reset or change the
 * password, accept an invitation. Administration of other people's accounts is {@link UserAdministration}.
 *
 * <pre>{@code
 * UserAccounts accounts = new UserAccounts(db, sessions, audit, mail, PasswordHasher.defaults(),
 *         PasswordPolicy.standard(), Clock.systemUTC());
 * accounts.signUp(new SignUp("dana@example.com", "long enough secret", "Dana", "he", true), ip, ua);
 * switch (accounts.authenticate(email, password, ip, ua)) {
 *     case SignInResult.Success s -> setCookie(s.session().token());
 *     case SignInResult.Failure f -> showError(f.messageKey());
 *     case SignInResult.LockedOut l -> showLockedUntil(l.until());
 *     case SignInResult.Disabled d -> showDisabled();
 * }
 * }</pre>
 *
 * <p>No answer, exception or timing tells whether an address has an account: unknown addresses are
 * checked against a dummy hash, lockout counts per typed address whether it exists or not, and sign-up
 * with a taken address mails its owner instead of failing.
 */
public final class UserAccounts {

    /** Failures within {@link #FAILURE_WINDOW} that lock an address. */
    public static final int MAX_FAILURES = 5;
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    public static final Duration VERIFY_TTL = Duration.ofHours(48);
    public static final Duration RESET_TTL = Duration.ofMinutes(60);

    private final Database db;
    private final UserSessions sessions;
    private final AuditLog audit;
    private final AccountMail mail;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;
    /** Checked for unknown addresses, so they cost the same time as known ones. */
    private final String dummyHash;

    public UserAccounts(Database db, UserSessions sessions, AuditLog audit, AccountMail mail, PasswordHasher hasher,
                        PasswordPolicy policy, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dummyHash = hasher.hash(Tokens.newToken());
    }

    /**
     * A student signs up. Sends a verification mail, or, when the address already has an account, a mail
     * telling its owner so; the caller shows "check your mail" either way.
     *
     * @throws AccountInputException for an invalid address, a weak password or missing consent
     */
    public void signUp(SignUp form, String ip, String userAgent) {
        String email = Emails.require(form.email());
        policy.check(form.password());
        if (!form.consent()) {
            throw new AccountInputException("consent", "consent.required");
        }
        String locale = Emails.locale(form.locale());
        String hash = hasher.hash(form.password()); // before the look-up: a taken address must cost the same
        Instant now = clock.instant();
        record Outcome(UUID userId, String locale, Optional<String> token) {
        }
        Outcome outcome = db.inContext(SessionContext.system(), h -> {
            Optional<UUID> created = h.createQuery("""
                            insert into users (email, password_hash, password_params, status, locale)
                            values (:email, :hash, :params, 'active', :locale)
                            on conflict (email) do nothing returning id
                            """)
                    .bind("email", email).bind("hash", hash).bind("params", PasswordHasher.parametersOf(hash))
                    .bind("locale", locale)
                    .mapTo(UUID.class).findOne();
            if (created.isEmpty()) {
                return h.createQuery("select id, locale from users where email = :email").bind("email", email)
                        .map((rs, ctx) -> new Outcome(rs.getObject("id", UUID.class), rs.getString("locale"), Optional.empty()))
                        .one();
            }
            UUID id = created.get();
            String name = form.displayName() == null || form.displayName().isBlank() ? null : form.displayName().strip();
            h.createUpdate("insert into profiles (user_id, display_name, consent_at) values (:id, :name, :now)")
                    .bind("id", id).bind("name", name).bind("now", UserSessions.utc(now)).execute();
            h.createUpdate("insert into user_roles (user_id, role) values (:id, 'student')").bind("id", id).execute();
            String token = EmailTokens.issue(h, id, email, Purpose.VERIFY_EMAIL, now, now.plus(VERIFY_TTL));
            audit.append(h, AuditEntry.of("user.signed_up").actor(id).target("user", id.toString()).client(ip, userAgent));
            return new Outcome(id, locale, Optional.of(token));
        });
        outcome.token().ifPresentOrElse(
                token -> mail.verification(email, outcome.userId(), outcome.locale(), token, VERIFY_TTL.toHours()),
                () -> mail.alreadyRegistered(email, outcome.userId(), outcome.locale()));
    }

    /** Sends a new verification link if {@code email} has an active, unverified account; silent otherwise. */
    public void resendVerification(String email) {
        Optional<String> normalized = Emails.normalize(email);
        if (normalized.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        db.inContext(SessionContext.system(), h -> findForMail(h, normalized.get(), "and email_verified_at is null")
                        .map(to -> to.withToken(EmailTokens.issue(h, to.userId(), normalized.get(), Purpose.VERIFY_EMAIL, now, now.plus(VERIFY_TTL)))))
                .ifPresent(to -> mail.verification(normalized.get(), to.userId(), to.locale(), to.token(), VERIFY_TTL.toHours()));
    }

    /**
     * Confirms the address a verification link was sent to.
     *
     * @return the user whose address it is
     * @throws InvalidTokenException when the link is unknown, expired or used
     */
    public UUID verifyEmail(String token) {
        Instant now = clock.instant();
        return db.inContext(SessionContext.system(), h -> {
            EmailTokens.Redeemed r = EmailTokens.redeem(h, token, Purpose.VERIFY_EMAIL, now)
                    .orElseThrow(() -> new InvalidTokenException("e-mail verification"));
            int n = h.createUpdate("update users set email_verified_at = :now where id = :id and email = :email")
                    .bind("now", UserSessions.utc(now)).bind("id", r.userId()).bind("email", r.email()).execute();
            if (n == 0) { // the address changed since the link was sent
                throw new InvalidTokenException("e-mail verification");
            }
            audit.append(h, AuditEntry.of("user.email_verified").actor(r.userId()).target("user", r.userId().toString()));
            return r.userId();
        });
    }

    /** Mails a reset link if {@code email} has an active account; does nothing (visibly the same) otherwise. */
    public void requestPasswordReset(String email, String ip, String userAgent) {
        Optional<String> normalized = Emails.normalize(email);
        if (normalized.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        db.inContext(SessionContext.system(), h -> findForMail(h, normalized.get(), "").map(to -> {
                    audit.append(h, AuditEntry.of("user.password_reset_requested").target("user", to.userId().toString())
                            .client(ip, userAgent));
                    return to.withToken(EmailTokens.issue(h, to.userId(), normalized.get(), Purpose.PASSWORD_RESET, now, now.plus(RESET_TTL)));
                }))
                .ifPresent(to -> mail.passwordReset(normalized.get(), to.userId(), to.locale(), to.token(), RESET_TTL.toMinutes()));
    }

    private record Recipient(UUID userId, String locale, String token) {
        Recipient withToken(String newToken) {
            return new Recipient(userId, locale, newToken);
        }
    }

    /** An active account by address; {@code extraCondition} is a constant SQL fragment, never user input. */
    private static Optional<Recipient> findForMail(Handle h, String email, String extraCondition) {
        return h.createQuery("select id, locale from users where email = :email and status = 'active' " + extraCondition)
                .bind("email", email)
                .map((rs, ctx) -> new Recipient(rs.getObject("id", UUID.class), rs.getString("locale"), null))
                .findOne();
    }

    /**
     * Sets a new password through a reset link, and signs the account out everywhere.
     *
     * @throws AccountInputException when the new password is weak (the link stays usable)
     * @throws InvalidTokenException when the link is unknown, expired or used
     */
    public void resetPassword(String token, String newPassword, String ip, String userAgent) {
        policy.check(newPassword);
        String hash = hasher.hash(newPassword);
        Instant now = clock.instant();
        db.useContext(SessionContext.system(), h -> {
            EmailTokens.Redeemed r = EmailTokens.redeem(h, token, Purpose.PASSWORD_RESET, now)
                    .orElseThrow(() -> new InvalidTokenException("password reset"));
            int n = h.createUpdate("""
                            update users set password_hash = :hash, password_params = :params,
                                   email_verified_at = coalesce(email_verified_at, :now)
                            where id = :id and email = :email and status = 'active'
                            """)
                    .bind("hash", hash).bind("params", PasswordHasher.parametersOf(hash)).bind("now", UserSessions.utc(now))
                    .bind("id", r.userId()).bind("email", r.email()).execute();
            if (n == 0) {
                throw new InvalidTokenException("password reset");
            }
            int revoked = sessions.revokeAll(h, r.userId(), null);
            audit.append(h, AuditEntry.of("user.password_reset").actor(r.userId()).target("user", r.userId().toString())
                    .client(ip, userAgent).detail("sessionsRevoked", revoked));
        });
    }

    /**
     * An invited person sets their password through the invitation link; the address counts as verified
     * (the link reached it). Signs them in.
     *
     * @throws AccountInputException when the password is weak (the link stays usable)
     * @throws InvalidTokenException when the link is unknown, expired or used
     */
    public SignedIn acceptInvitation(String token, String password, String displayName, String ip, String userAgent) {
        policy.check(password);
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        return db.inContext(SessionContext.system(), h -> {
            EmailTokens.Redeemed r = EmailTokens.redeem(h, token, Purpose.INVITATION, now)
                    .orElseThrow(() -> new InvalidTokenException("invitation"));
            int n = h.createUpdate("""
                            update users set password_hash = :hash, password_params = :params, status = 'active',
                                   email_verified_at = :now
                            where id = :id and email = :email and status = 'invited'
                            """)
                    .bind("hash", hash).bind("params", PasswordHasher.parametersOf(hash)).bind("now", UserSessions.utc(now))
                    .bind("id", r.userId()).bind("email", r.email()).execute();
            if (n == 0) {
                throw new InvalidTokenException("invitation");
            }
            String name = displayName == null || displayName.isBlank() ? null : displayName.strip();
            h.createUpdate("""
                            insert into profiles (user_id, display_name, consent_at) values (:id, :name, :now)
                            on conflict (user_id) do update set display_name = coalesce(excluded.display_name, profiles.display_name),
                                                                consent_at = excluded.consent_at
                            """)
                    .bind("id", r.userId()).bind("name", name).bind("now", UserSessions.utc(now)).execute();
            audit.append(h, AuditEntry.of("user.invitation_accepted").actor(r.userId()).target("user", r.userId().toString())
                    .client(ip, userAgent));
            return sessions.start(h, r.userId(), ip, userAgent);
        });
    }

    /**
     * Checks a password and, when right, starts a new session. Every attempt is audited; after
     * {@value #MAX_FAILURES} failures within {@link #FAILURE_WINDOW} the address is locked for {@link #LOCKOUT}.
     */
    public SignInResult authenticate(String email, String password, String ip, String userAgent) {
        String key = Emails.normalize(email).orElse(email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT));
        String attempt = password == null ? "" : password;
        Instant now = clock.instant();
        Attempt state = db.inContext(SessionContext.system(), h -> new Attempt(
                h.createQuery("select id, password_hash, status from users where email = :email")
                        .bind("email", key)
                        .map((rs, ctx) -> new Stored(rs.getObject("id", UUID.class),
                                Optional.ofNullable(rs.getString("password_hash")), rs.getString("status")))
                        .findOne(),
                Lockout.lockedUntil(h, key, now)));
        Optional<String> storedHash = state.user().flatMap(Stored::hash);
        // Exactly one Argon2 verification on every path (locked, unknown, invited, wrong, right): timing says nothing.
        boolean matches = hasher.verify(attempt, storedHash.orElse(dummyHash)) && storedHash.isPresent();
        if (state.lockedUntil().isPresent()) {
            audit.append(SessionContext.system(), AuditEntry.of("auth.sign_in_locked").target("account", key).client(ip, userAgent));
            return new SignInResult.LockedOut(state.lockedUntil().get());
        }
        if (!matches) {
            String reason = state.user().isEmpty() ? "unknown_email" : storedHash.isEmpty() ? "no_password" : "wrong_password";
            return recordFailure(key, reason, ip, userAgent, now);
        }
        Stored found = state.user().get();
        if (!"active".equals(found.status())) {
            audit.append(SessionContext.system(), AuditEntry.of("auth.sign_in_refused").actor(found.id()).target("account", key)
                    .client(ip, userAgent).detail("reason", found.status()));
            return new SignInResult.Disabled();
        }
        return succeed(found, attempt, key, ip, userAgent, now);
    }

    private record Stored(UUID id, Optional<String> hash, String status) {
    }

    private record Attempt(Optional<Stored> user, Optional<Instant> lockedUntil) {
    }

    private SignInResult recordFailure(String key, String reason, String ip, String userAgent, Instant now) {
        return db.inContext(SessionContext.system(), h -> {
            audit.append(h, AuditEntry.of("auth.sign_in_failed").target("account", key).client(ip, userAgent).detail("reason", reason));
            Optional<Instant> until = Lockout.afterFailure(h, key, now);
            until.ifPresent(u -> audit.append(h, AuditEntry.of("auth.locked_out").target("account", key).client(ip, userAgent)
                    .detail("until", u.toString()).detail("failures", MAX_FAILURES)));
            return until.<SignInResult>map(SignInResult.LockedOut::new).orElseGet(SignInResult.Failure::new);
        });
    }

    private SignInResult succeed(Stored user, String password, String key, String ip, String userAgent, Instant now) {
        // Parameters raised since this hash was made: store one with today's, while we hold the password.
        Optional<String> rehash = hasher.needsRehash(user.hash().orElseThrow()) ? Optional.of(hasher.hash(password)) : Optional.empty();
        return db.inContext(SessionContext.system(), h -> {
            rehash.ifPresent(newHash -> h.createUpdate("update users set password_hash = :hash, password_params = :params where id = :id")
                    .bind("hash", newHash).bind("params", PasswordHasher.parametersOf(newHash)).bind("id", user.id()).execute());
            h.createUpdate("update users set last_login_at = :now where id = :id")
                    .bind("now", UserSessions.utc(now)).bind("id", user.id()).execute();
            SignedIn session = sessions.start(h, user.id(), ip, userAgent);
            audit.append(h, AuditEntry.of("auth.sign_in").actor(user.id()).target("account", key).client(ip, userAgent)
                    .detail("session", session.user().sessionId().toString()).detail("rehashed", rehash.isPresent()));
            return new SignInResult.Success(session);
        });
    }

    /**
     * Changes the signed-in user's password and ends their other sessions (this one stays).
     *
     * @throws AccountInputException {@code currentPassword}/{@code password.wrong}, or a weak new password
     */
    public void changePassword(AuthenticatedUser user, String currentPassword, String newPassword, String ip, String userAgent) {
        policy.check(newPassword);
        String stored = db.inContext(user.context(), h -> h.createQuery("select password_hash from users where id = :id")
                .bind("id", user.userId()).mapTo(String.class).findOne().orElse(null));
        if (stored == null || !hasher.verify(currentPassword == null ? "" : currentPassword, stored)) {
            throw new AccountInputException("currentPassword", "password.wrong");
        }
        String hash = hasher.hash(newPassword);
        db.useContext(user.context(), h -> {
            h.createUpdate("update users set password_hash = :hash, password_params = :params where id = :id")
                    .bind("hash", hash).bind("params", PasswordHasher.parametersOf(hash)).bind("id", user.userId()).execute();
            int revoked = sessions.revokeAll(h, user.userId(), user.sessionId());
            audit.append(h, AuditEntry.of("user.password_changed").actor(user.userId()).target("user", user.userId().toString())
                    .client(ip, userAgent).detail("otherSessionsRevoked", revoked));
        });
    }

    /** Failure counting and lockout, from the audit log itself: one source of truth for every app instance. */
    private static final class Lockout {

        static Optional<Instant> lockedUntil(Handle h, String key, Instant now) {
            return lastLockout(h, key, now).map(at -> at.plus(LOCKOUT)).filter(until -> until.isAfter(now));
        }

        /** After a recorded failure: whether it was the one too many, and until when the address is locked. */
        static Optional<Instant> afterFailure(Handle h, String key, Instant now) {
            Instant since = now.minus(FAILURE_WINDOW);
            Optional<Instant> lastSuccess = last(h, key, "auth.sign_in", now.minus(FAILURE_WINDOW));
            Optional<Instant> lockEnded = lastLockout(h, key, now).map(at -> at.plus(LOCKOUT));
            for (Optional<Instant> bound : java.util.List.of(lastSuccess, lockEnded)) {
                if (bound.isPresent() && bound.get().isAfter(since)) {
                    since = bound.get();
                }
            }
            long failures = h.createQuery("""
                            select count(*) from audit_log
                            where target_type = 'account' and target_id = :key and action = 'auth.sign_in_failed'
                              and occurred_at >= :since
                            """)
                    .bind("key", key).bind("since", UserSessions.utc(since)).mapTo(long.class).one();
            return failures >= MAX_FAILURES ? Optional.of(now.plus(LOCKOUT)) : Optional.empty();
        }

        private static Optional<Instant> lastLockout(Handle h, String key, Instant now) {
            return last(h, key, "auth.locked_out", now.minus(LOCKOUT).minus(FAILURE_WINDOW));
        }

        private static Optional<Instant> last(Handle h, String key, String action, Instant notBefore) {
            return h.createQuery("""
                            select max(occurred_at) from audit_log
                            where target_type = 'account' and target_id = :key and action = :action and occurred_at >= :notBefore
                            """)
                    .bind("key", key).bind("action", action).bind("notBefore", UserSessions.utc(notBefore))
                    .mapTo(OffsetDateTime.class).findOne().map(OffsetDateTime::toInstant);
        }
    }
}
