package il.co.voicely.core.identity;

import static il.co.voicely.core.identity.Identity.PASSWORD;
import static il.co.voicely.core.identity.Identity.unique;
import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.core.db.Role;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class UserSessionsTest {

    private final TestDatabase db;
    private final Identity id;

    UserSessionsTest(TestDatabase db) {
        this.db = db;
        this.id = new Identity(db.database(), message -> { });
    }

    @Test
    void everySignInGetsANewTokenOnlyWhoseHashIsStored() {
        String email = unique("fixation");
        id.admin.createAccount(email, Role.STUDENT, PASSWORD, "he");
        SignedIn first = id.signIn(email, PASSWORD);
        SignedIn second = id.signIn(email, PASSWORD);

        assertThat(first.token()).isNotEqualTo(second.token()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(first.user().sessionId()).isNotEqualTo(second.user().sessionId());
        List<String> stored = db.owner().withHandle(h -> h.createQuery(
                        "select token_hash from user_sessions where user_id = :id order by created_at")
                .bind("id", first.user().userId()).mapTo(String.class).list());
        assertThat(stored).containsExactlyInAnyOrder(Tokens.hash(first.token()), Tokens.hash(second.token()))
                .doesNotContain(first.token(), second.token());
    }

    @Test
    void aTokenResolvesToItsUserWithRolesAndContext() {
        AuthenticatedUser teacher = id.signedIn(unique("teacher"), Role.TEACHER);
        SignedIn session = id.signIn(teacher.email(), PASSWORD);
        AuthenticatedUser resolved = id.sessions.resolve(session.token()).orElseThrow();
        assertThat(resolved.userId()).isEqualTo(teacher.userId());
        assertThat(resolved.primaryRole()).isEqualTo(Role.TEACHER);
        assertThat(resolved.context().role()).isEqualTo(Role.TEACHER);
        assertThat(resolved.sessionId()).isEqualTo(session.user().sessionId());
        assertThat(id.sessions.resolve("garbage")).isEmpty();
        assertThat(id.sessions.resolve(Tokens.newToken())).isEmpty();
    }

    @Test
    void anIdleSessionExpiresButUseKeepsItAliveUpToTheAbsoluteMaximum() {
        String email = unique("idle");
        id.admin.createAccount(email, Role.STUDENT, PASSWORD, "he");
        SignedIn idle = id.signIn(email, PASSWORD);
        SignedIn busy = id.signIn(email, PASSWORD);

        for (int day = 0; day < 29; day++) { // used daily: slides on
            id.clock.advance(Duration.ofDays(1));
            assertThat(id.sessions.resolve(busy.token())).as("day %d", day + 1).isPresent();
        }
        assertThat(id.sessions.resolve(idle.token())).as("unused for 29 days").isEmpty();
        id.clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(id.sessions.resolve(busy.token())).as("past 30 days however busy").isEmpty();
    }

    @Test
    void useRefreshesLastSeenAndExpiry() {
        String email = unique("refresh");
        id.admin.createAccount(email, Role.STUDENT, PASSWORD, "he");
        SignedIn s = id.signIn(email, PASSWORD);
        id.clock.advance(Duration.ofHours(1));
        id.sessions.resolve(s.token());
        OffsetDateTime expires = db.owner().withHandle(h -> h.createQuery("select expires_at from user_sessions where id = :id")
                .bind("id", s.user().sessionId()).mapTo(OffsetDateTime.class).one());
        assertThat(expires.toInstant()).isEqualTo(id.clock.instant().plus(Duration.ofDays(14)));
    }

    @Test
    void signedOutAndRevokedSessionsAreRefusedAndAudited() {
        String email = unique("leaver");
        id.admin.createAccount(email, Role.STUDENT, PASSWORD, "he");
        SignedIn a = id.signIn(email, PASSWORD);
        SignedIn b = id.signIn(email, PASSWORD);
        SignedIn c = id.signIn(email, PASSWORD);

        id.sessions.signOut(a.token(), "203.0.113.7", "Firefox");
        assertThat(id.sessions.resolve(a.token())).isEmpty();

        AuthenticatedUser onB = id.sessions.resolve(b.token()).orElseThrow();
        List<ActiveSession> active = id.sessions.list(onB);
        assertThat(active).extracting(ActiveSession::id).containsExactlyInAnyOrder(b.user().sessionId(), c.user().sessionId());
        assertThat(active).filteredOn(ActiveSession::current).extracting(ActiveSession::id).containsExactly(b.user().sessionId());
        assertThat(active.get(0).ip()).contains("203.0.113.7");
        assertThat(active.get(0).userAgent()).contains("JUnit");

        assertThat(id.sessions.revoke(onB, c.user().sessionId(), null, null)).isTrue();
        assertThat(id.sessions.resolve(c.token())).isEmpty();

        assertThat(id.sessions.signOutEverywhere(onB, null, null)).isEqualTo(1);
        assertThat(id.sessions.resolve(b.token())).isEmpty();
        assertThat(db.owner().<List<String>, RuntimeException>withHandle(h -> h.createQuery("select action from audit_log where actor_user_id = :id and action like 'auth.s%' and action <> 'auth.sign_in' order by id")
                .bind("id", onB.userId()).mapTo(String.class).list()))
                .containsExactly("auth.sign_out", "auth.session_revoked", "auth.sign_out_everywhere");
    }

    @Test
    void aUserCannotRevokeSomeoneElsesSession() {
        AuthenticatedUser mallory = id.signedIn(unique("mallory"), Role.STUDENT);
        String victimEmail = unique("victim");
        id.admin.createAccount(victimEmail, Role.STUDENT, PASSWORD, "he");
        SignedIn victim = id.signIn(victimEmail, PASSWORD);
        assertThat(id.sessions.revoke(mallory, victim.user().sessionId(), null, null)).isFalse();
        assertThat(id.sessions.resolve(victim.token())).isPresent();
    }

    @Test
    void aDisabledUsersSessionsNoLongerResolve() {
        AuthenticatedUser admin = id.signedIn(unique("boss"), Role.ADMIN);
        String email = unique("gone");
        id.admin.createAccount(email, Role.STUDENT, PASSWORD, "he");
        SignedIn s = id.signIn(email, PASSWORD);
        id.admin.deactivate(admin, s.user().userId(), null, null);
        assertThat(id.sessions.resolve(s.token())).isEmpty();
        assertThat(id.accounts.authenticate(email, PASSWORD, null, null)).isInstanceOf(SignInResult.Disabled.class);
        assertThat(id.accounts.authenticate(email, "wrong password", null, null)).isInstanceOf(SignInResult.Failure.class);
        id.admin.reactivate(admin, s.user().userId(), null, null);
        assertThat(id.signIn(email, PASSWORD)).isNotNull();
        assertThat(Instant.now()).isNotNull();
    }
}
