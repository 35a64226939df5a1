package il.co.voicely.core.identity;

import static il.co.voicely.core.identity.Identity.PASSWORD;
import static il.co.voicely.core.identity.Identity.tokenIn;
import static il.co.voicely.core.identity.Identity.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.mail.SmtpMailer;
import il.co.voicely.core.mail.SmtpSettings;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(PostgresExtension.class)
class UserAccountsTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final TestDatabase db;
    private Identity id;

    UserAccountsTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void wireToTheRunningSmtpServer() {
        // GreenMail starts before each test, after the constructor; its port is known only now.
        id = new Identity(db.database(),
                new SmtpMailer(SmtpSettings.of("127.0.0.1", smtp.getSmtp().getPort(), "Voicely <no-reply@voicely.test>")));
    }

    @Test
    void signUpMailsAVerificationLinkThatVerifiesTheAddressAndThenSignInWorks() throws Exception {
        String email = unique("Dana");
        id.accounts.signUp(new SignUp("  " + email.toUpperCase() + " ", PASSWORD, "Dana", "en", true), "203.0.113.7", "Firefox");

        MimeMessage mail = onlyMailTo(email.toLowerCase());
        assertThat(mail.getSubject()).isEqualTo("Confirm your e-mail address for Voicely");
        String body = (String) mail.getContent();
        assertThat(body).contains("https://voicely.test/verify-email?token=");
        UUID userId = id.accounts.verifyEmail(tokenIn(body));

        SignInResult result = id.accounts.authenticate(email.toUpperCase(), PASSWORD, "203.0.113.7", "Firefox");
        assertThat(result).isInstanceOf(SignInResult.Success.class);
        AuthenticatedUser user = ((SignInResult.Success) result).session().user();
        assertThat(user.userId()).isEqualTo(userId);
        assertThat(user.email()).isEqualTo(email.toLowerCase());
        assertThat(user.roles()).containsExactly(Role.STUDENT);
        assertThat(user.emailVerified()).isTrue();
        assertThat(user.locale()).isEqualTo("en");
        assertThat(actions(userId)).contains("user.signed_up", "user.email_verified", "auth.sign_in");
        assertThat(db.owner().<Boolean, RuntimeException>withHandle(h -> h.createQuery("select consent_at is not null from profiles where user_id = :id")
                .bind("id", userId).mapTo(boolean.class).one())).isTrue();
    }

    @Test
    void hebrewUsersGetHebrewMail() throws Exception {
        String email = unique("noa");
        id.accounts.signUp(new SignUp(email, PASSWORD, "נועה", "he", true), null, null);
        MimeMessage mail = onlyMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("אישור כתובת המייל שלך ב-Voicely");
        assertThat((String) mail.getContent()).contains("ברוכים הבאים", "48");
    }

    @Test
    void aVerificationLinkWorksOnce() throws Exception {
        String email = unique("once");
        id.accounts.signUp(new SignUp(email, PASSWORD, null, "he", true), null, null);
        String token = tokenIn((String) onlyMailTo(email).getContent());
        id.accounts.verifyEmail(token);
        assertThatThrownBy(() -> id.accounts.verifyEmail(token)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> id.accounts.verifyEmail("not-a-token")).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void signUpWithATakenAddressSucceedsVisiblyTheSameAndMailsTheOwnerInstead() throws Exception {
        String email = unique("taken");
        id.admin.createAccount(email, Role.STUDENT, PASSWORD, "en");
        id.accounts.signUp(new SignUp(email, "Another-Long-Secret", null, "en", true), null, null);
        MimeMessage mail = onlyMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Your Voicely account");
        assertThat((String) mail.getContent()).contains("https://voicely.test/sign-in").doesNotContain("token=");
        assertThat(id.signIn(email, PASSWORD)).isNotNull(); // the old password still works
    }

    @Test
    void weakPasswordsInvalidAddressesAndMissingConsentAreRefusedField() {
        assertThatThrownBy(() -> id.accounts.signUp(new SignUp(unique("a"), "short", null, "he", true), null, null))
                .isInstanceOfSatisfying(AccountInputException.class, e -> assertThat(e.code()).isEqualTo("password.too_short"));
        assertThatThrownBy(() -> id.accounts.signUp(new SignUp(unique("b"), "1234567890", null, "he", true), null, null))
                .isInstanceOfSatisfying(AccountInputException.class, e -> assertThat(e.code()).isEqualTo("password.too_common"));
        assertThatThrownBy(() -> id.accounts.signUp(new SignUp("no-at-sign", PASSWORD, null, "he", true), null, null))
                .isInstanceOfSatisfying(AccountInputException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> id.accounts.signUp(new SignUp(unique("c"), PASSWORD, null, "he", false), null, null))
                .isInstanceOfSatisfying(AccountInputException.class, e -> assertThat(e.code()).isEqualTo("consent.required"));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGiveTheSameGenericFailure() {
        String email = unique("known");
        id.admin.createAccount(email, Role.STUDENT, PASSWORD, "he");

        SignInResult wrongPassword = id.accounts.authenticate(email, "Not-The-Password", "203.0.113.7", "curl");
        SignInResult unknownEmail = id.accounts.authenticate(unique("nobody"), PASSWORD, "203.0.113.7", "curl");

        assertThat(wrongPassword).isEqualTo(unknownEmail).isInstanceOf(SignInResult.Failure.class);
        assertThat(((SignInResult.Failure) wrongPassword).messageKey()).isEqualTo("signin.failed");
        assertThat(db.owner().<java.util.List<String>, RuntimeException>withHandle(h -> h.createQuery(
                        "select details->>'reason' from audit_log where action = 'auth.sign_in_failed' and target_id = :e")
                .bind("e", email).mapTo(String.class).list())).containsExactly("wrong_password");
    }

    @Test
    void anUnknownAddressCostsAFullPasswordCheckSoTimingRevealsNothing() {
        PasswordHasher slow = PasswordHasher.withParameters(32 * 1024, 2, 1);
        UserAccounts accounts = new UserAccounts(db.database(), id.sessions, id.audit,
                new AccountMail(m -> { }, java.net.URI.create("https://voicely.test")), slow, PasswordPolicy.standard(), id.clock);
        String stored = slow.hash(PASSWORD);
        long hash = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            slow.verify("wrong password", stored);
            hash = Math.min(hash, System.nanoTime() - start);
            start = System.nanoTime();
            accounts.authenticate(unique("nobody"), PASSWORD, null, null);
            unknown = Math.min(unknown, System.nanoTime() - start);
        }
        // Without the dummy check an unknown address would answer in a few milliseconds of SQL, a small
        // fraction of one Argon2 verification. The bound is loose on purpose: on a loaded 2-core machine
        // the best of five runs of each still differs by tens of percent.
        assertThat(unknown).isGreaterThan(hash * 3 / 10);
    }

    @Test
    void fiveFailuresLockTheAddressUntilTheLockoutEnds() {
        String email = unique("locked");
        id.admin.createAccount(email, Role.STUDENT, PASSWORD, "he");
        for (int i = 1; i < UserAccounts.MAX_FAILURES; i++) {
            assertThat(id.accounts.authenticate(email, "wrong-" + i, null, null)).isInstanceOf(SignInResult.Failure.class);
        }
        SignInResult fifth = id.accounts.authenticate(email, "wrong-5", null, null);
        assertThat(fifth).isEqualTo(new SignInResult.LockedOut(id.clock.instant().plus(UserAccounts.LOCKOUT)));

        id.clock.advance(Duration.ofMinutes(5));
        assertThat(id.accounts.authenticate(email, PASSWORD, null, null))
                .as("even the right password waits").isInstanceOf(SignInResult.LockedOut.class);

        id.clock.advance(UserAccounts.LOCKOUT);
        assertThat(id.accounts.authenticate(email, PASSWORD, null, null)).isInstanceOf(SignInResult.Success.class);
        assertThat(db.owner().<Integer, RuntimeException>withHandle(h -> h.createQuery(
                        "select count(*) from audit_log where action = 'auth.locked_out' and target_id = :e")
                .bind("e", email).mapTo(int.class).one())).isEqualTo(1);
    }

    @Test
    void unknownAddressesLockOutLikeKnownOnes() {
        String nobody = unique("ghost");
        SignInResult last = null;
        for (int i = 0; i < UserAccounts.MAX_FAILURES; i++) {
            last = id.accounts.authenticate(nobody, PASSWORD, null, null);
        }
        assertThat(last).isInstanceOf(SignInResult.LockedOut.class);
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        String email = unique("slow");
        id.admin.createAccount(email, Role.STUDENT, PASSWORD, "he");
        for (int i = 0; i < UserAccounts.MAX_FAILURES - 1; i++) {
            id.accounts.authenticate(email, "wrong", null, null);
        }
        id.clock.advance(UserAccounts.FAILURE_WINDOW.plusSeconds(1));
        assertThat(id.accounts.authenticate(email, "wrong", null, null)).isInstanceOf(SignInResult.Failure.class);
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndSignsOutEverywhere() throws Exception {
        String email = unique("forgetful");
        id.admin.createAccount(email, Role.STUDENT, PASSWORD, "en");
        SignedIn before = id.signIn(email, PASSWORD);

        id.accounts.requestPasswordReset(email.toUpperCase(), "203.0.113.7", "Safari");
        String body = (String) onlyMailTo(email).getContent();
        assertThat(body).contains("https://voicely.test/reset-password?token=");
        String token = tokenIn(body);

        assertThatThrownBy(() -> id.accounts.resetPassword(token, "password", null, null))
                .as("a weak password leaves the link usable").isInstanceOf(AccountInputException.class);
        id.accounts.resetPassword(token, "Brand-New-Secret-1", null, null);
        assertThatThrownBy(() -> id.accounts.resetPassword(token, "Another-New-Secret-2", null, null))
                .isInstanceOf(InvalidTokenException.class);

        assertThat(id.sessions.resolve(before.token())).isEmpty();
        assertThat(id.accounts.authenticate(email, PASSWORD, null, null)).isInstanceOf(SignInResult.Failure.class);
        assertThat(id.signIn(email, "Brand-New-Secret-1")).isNotNull();
        assertThat(actionsOn(email)).contains("user.password_reset_requested", "user.password_reset");
    }

    @Test
    void anExpiredResetLinkIsRefused() throws Exception {
        String email = unique("late");
        id.admin.createAccount(email, Role.STUDENT, PASSWORD, "he");
        id.accounts.requestPasswordReset(email, null, null);
        String token = tokenIn((String) onlyMailTo(email).getContent());
        id.clock.advance(UserAccounts.RESET_TTL.plusSeconds(1));
        assertThatThrownBy(() -> id.accounts.resetPassword(token, "Brand-New-Secret-1", null, null))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aResetForAnUnknownAddressSendsNothingAndSaysNothing() {
        id.accounts.requestPasswordReset(unique("stranger"), null, null);
        id.accounts.requestPasswordReset("garbage", null, null);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void emailTokensAreStoredOnlyAsHashes() throws Exception {
        String email = unique("hashed");
        id.admin.createAccount(email, Role.STUDENT, PASSWORD, "he");
        id.accounts.requestPasswordReset(email, null, null);
        String token = tokenIn((String) onlyMailTo(email).getContent());
        List<String> stored = db.owner().withHandle(h -> h.createQuery(
                "select token_hash from email_tokens t join users u on u.id = t.user_id where u.email = :e")
                .bind("e", email).mapTo(String.class).list());
        assertThat(stored).containsExactly(Tokens.hash(token)).doesNotContain(token);
    }

    @Test
    void changingThePasswordEndsOtherSessionsButKeepsThisOne() {
        String email = unique("changer");
        id.admin.createAccount(email, Role.TEACHER, PASSWORD, "he");
        SignedIn laptop = id.signIn(email, PASSWORD);
        SignedIn phone = id.signIn(email, PASSWORD);

        assertThatThrownBy(() -> id.accounts.changePassword(laptop.user(), "wrong current", "Changed-Secret-99", null, null))
                .isInstanceOfSatisfying(AccountInputException.class, e -> assertThat(e.field()).isEqualTo("currentPassword"));
        id.accounts.changePassword(laptop.user(), PASSWORD, "Changed-Secret-99", "203.0.113.7", "Chrome");

        assertThat(id.sessions.resolve(laptop.token())).isPresent();
        assertThat(id.sessions.resolve(phone.token())).isEmpty();
        assertThat(id.signIn(email, "Changed-Secret-99")).isNotNull();
        assertThat(actions(laptop.user().userId())).contains("user.password_changed");
    }

    @Test
    void signInReplacesAHashMadeWithWeakerParameters() {
        String email = unique("rehash");
        id.admin.createAccount(email, Role.STUDENT, PASSWORD, "he");
        // The account's hash has t=1; a hasher asking for two passes sees it as weak.
        UserAccounts stronger = new UserAccounts(db.database(), id.sessions, id.audit,
                new AccountMail(m -> { }, java.net.URI.create("https://voicely.test")),
                PasswordHasher.withParameters(8 * 1024, 2, 1), PasswordPolicy.standard(), id.clock);
        assertThat(stronger.authenticate(email, PASSWORD, null, null)).isInstanceOf(SignInResult.Success.class);
        String now = db.owner().withHandle(h -> h.createQuery("select password_hash || ' ' || password_params from users where email = :e")
                .bind("e", email).mapTo(String.class).one());
        assertThat(now).startsWith("$argon2id$v=19$m=8192,t=2,p=1$").endsWith(" argon2id$v=19$m=8192,t=2,p=1");
    }

    private MimeMessage onlyMailTo(String email) throws Exception {
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] all = smtp.getReceivedMessages();
        assertThat(Arrays.stream(all).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).containsExactly(email);
        return all[0];
    }

    private List<String> actions(UUID userId) {
        return db.owner().withHandle(h -> h.createQuery(
                        "select action from audit_log where actor_user_id = :id or target_id = :text order by id")
                .bind("id", userId).bind("text", userId.toString()).mapTo(String.class).list());
    }

    private List<String> actionsOn(String email) {
        UUID userId = db.owner().withHandle(h -> h.createQuery("select id from users where email = :e").bind("e", email)
                .mapTo(UUID.class).one());
        return actions(userId);
    }
}
