package il.co.voicely.app.auth;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import il.co.voicely.app.AppSettings;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.identity.AccountMail;
import il.co.voicely.core.identity.PasswordHasher;
import il.co.voicely.core.identity.PasswordPolicy;
import il.co.voicely.core.identity.Permissions;
import il.co.voicely.core.identity.SessionPolicy;
import il.co.voicely.core.identity.UserAccounts;
import il.co.voicely.core.identity.UserAdministration;
import il.co.voicely.core.identity.UserSessions;
import il.co.voicely.core.mail.Mailer;
import il.co.voicely.core.mail.OutboxMailer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/** Wires the identity library (accounts, sessions, audit, mail) and the web's protections from the settings. */
public final class AuthModule extends AbstractModule {

    /** Routes other sites may frame; the chat widget will live here. */
    static final List<String> EMBEDDABLE = List.of("/widget");

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(SessionPolicy.class).toInstance(SessionPolicy.defaults());
        bind(RateLimits.class).in(Singleton.class);
        bind(AccessErrors.class).in(Singleton.class);
    }

    @Provides @Singleton
    AuditLog auditLog(Database db, Clock clock) {
        return new AuditLog(db, clock);
    }

    @Provides @Singleton
    UserSessions sessions(Database db, AuditLog audit, SessionPolicy policy, Clock clock) {
        return new UserSessions(db, audit, policy, clock);
    }

    @Provides @Singleton
    AccountMail accountMail(AppSettings settings, Database db, Clock clock) {
        return new AccountMail(Mailer.configured(settings.smtp(), db, clock), settings.baseUrl());
    }

    @Provides @Singleton
    OutboxMailer outbox(Database db, Clock clock) {
        return new OutboxMailer(db, clock);
    }

    @Provides @Singleton
    PasswordHasher hasher() {
        return PasswordHasher.defaults();
    }

    @Provides @Singleton
    UserAccounts accounts(Database db, UserSessions sessions, AuditLog audit, AccountMail mail, PasswordHasher hasher, Clock clock) {
        return new UserAccounts(db, sessions, audit, mail, hasher, PasswordPolicy.standard(), clock);
    }

    @Provides @Singleton
    UserAdministration administration(Database db, UserSessions sessions, AuditLog audit, AccountMail mail,
                                      PasswordHasher hasher, Clock clock) {
        return new UserAdministration(db, sessions, audit, mail, hasher, PasswordPolicy.standard(), clock);
    }

    @Provides @Singleton
    Permissions permissions(Database db) {
        return new Permissions(db);
    }

    @Provides @Singleton
    SessionCookie sessionCookie(SessionPolicy policy) {
        return new SessionCookie(policy);
    }

    @Provides @Singleton
    Clients clients(AppSettings settings) {
        return new Clients(settings.trustedProxies());
    }

    @Provides @Singleton
    Csrf csrf(AppSettings settings) {
        byte[] key = settings.secret().map(AuthModule::sha256).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        return new Csrf(key);
    }

    @Provides @Singleton
    AuthFilter authFilter(UserSessions sessions, Csrf csrf, Clients clients, AccessErrors errors) {
        return new AuthFilter(sessions, csrf, clients, errors);
    }

    @Provides @Singleton
    SecurityHeaders securityHeaders() {
        return new SecurityHeaders(EMBEDDABLE);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
