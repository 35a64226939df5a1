package il.co.voicely.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.core.mail.OutboxMail;
import il.co.voicely.core.mail.OutboxMailer;
import il.co.voicely.core.testing.PostgresExtension;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pages behind the e-mailed links: password reset, invitation, verification. Mail is read from the outbox. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountLinksTest {

    private final Database db;
    private final TestApp app;

    AccountLinksTest(Database db) {
        this.db = db;
        this.app = TestApp.start(db);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aPasswordIsResetThroughTheMailedLinkOnce() {
        TestAccounts.create(db, "forgetful@example.com", Role.STUDENT);
        WebClient client = app.client();
        client.get("/forgot-password");
        assertThat(client.post("/forgot-password", "email", "forgetful@example.com").body()).contains("בדקו את תיבת הדואר");
        String link = link("forgetful@example.com", "/reset-password");

        assertThat(client.get(link).body()).contains("name=\"token\"");
        HttpResponse<String> weak = client.post("/reset-password", "token", token(link), "password", "short");
        HttpResponse<String> done = client.post("/reset-password", "token", token(link), "password", "a brand new passphrase");
        HttpResponse<String> again = client.post("/reset-password", "token", token(link), "password", "yet another passphrase");

        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("id=\"password-error\"");
        assertThat(done.body()).contains("הסיסמה הוחלפה");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("הקישור הזה כבר לא פעיל");
        assertThat(app.client().signIn("forgetful@example.com", "a brand new passphrase").statusCode()).isEqualTo(303);
    }

    @Test
    void anInvitedTeacherChoosesAPasswordAndLandsSignedInInTheirLanguage() {
        UUID adminId = TestAccounts.create(db, "office@example.com", Role.ADMIN);
        AuthenticatedUser admin = TestAccounts.sessions(db).start(adminId, "127.0.0.1", "test").user();
        TestAccounts.administration(db).invite(admin, "new.teacher@example.com", Role.TEACHER, "en", "127.0.0.1", "test");
        String link = link("new.teacher@example.com", "/invitation");
        WebClient teacher = app.client();

        assertThat(teacher.get(link).statusCode()).isEqualTo(200);
        HttpResponse<String> accepted = teacher.post("/invitation", "token", token(link), "displayName", "Rina Cohen",
                "password", "teaching voices since 2001");

        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location")).hasValue("/dashboard");
        HttpResponse<String> dashboard = teacher.get("/dashboard");
        assertThat(dashboard.body()).contains("dir=\"ltr\"").contains("Hello, Rina Cohen").contains("Teacher");
    }

    @Test
    void anUnverifiedStudentAsksForANewLinkAndTheNewestOneConfirms() {
        WebClient student = app.client();
        student.get("/sign-up");
        student.post("/sign-up", "displayName", "Noa", "email", "noa@example.com", "password", "singing in the rain again", "consent", "yes");
        student.signIn("noa@example.com", "singing in the rain again");
        assertThat(student.get("/dashboard").body()).contains("action=\"/verify-email/resend\"");

        HttpResponse<String> resend = student.post("/verify-email/resend");

        assertThat(resend.headers().firstValue("Location")).hasValue("/dashboard?resent=1");
        assertThat(mailsTo("noa@example.com")).isEqualTo(2);
        assertThat(student.get(link("noa@example.com", "/verify-email")).body()).contains("כתובת האימייל אושרה");
        assertThat(student.get("/dashboard").body()).doesNotContain("/verify-email/resend");
    }

    @Test
    void anUnknownVerificationLinkSaysSo() {
        HttpResponse<String> page = app.client().get("/verify-email?token=not-a-real-token");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("הקישור הזה כבר לא פעיל");
    }

    private String link(String to, String path) {
        OutboxMail mail = new OutboxMailer(db, Clock.systemUTC()).list(SessionContext.system(), 50, 0).stream()
                .filter(m -> m.to().equals(to)).findFirst().orElseThrow();
        Matcher m = Pattern.compile(Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]+").matcher(mail.text());
        assertThat(m.find()).as(mail.text()).isTrue();
        return m.group();
    }

    private long mailsTo(String to) {
        return new OutboxMailer(db, Clock.systemUTC()).list(SessionContext.system(), 50, 0).stream().filter(m -> m.to().equals(to)).count();
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }
}
