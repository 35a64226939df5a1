package il.co.voicely.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.app.demo.DemoSeeder;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.PasswordHasher;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthWebTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private final TestDatabase db;
    private final String demoAdminPassword;
    private final TestApp app;

    AuthWebTest(TestDatabase db) {
        this.db = db;
        this.demoAdminPassword = new DemoSeeder(PasswordHasher.defaults(), new SecureRandom())
                .seedIfEmpty(db.database(), new PrintStream(new ByteArrayOutputStream())).orElseThrow();
        this.app = TestApp.start(db.database());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private String newAccount(Role role) {
        String email = role.sqlName() + PEOPLE.incrementAndGet() + "@example.com";
        TestAccounts.create(db.database(), email, role);
        return email;
    }

    private WebClient signedIn(Role role) {
        WebClient client = app.client();
        assertThat(client.signIn(newAccount(role), TestAccounts.PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }

    @Test
    void theDemoAdminSignsInWithThePrintedPassword() {
        WebClient admin = app.client();

        HttpResponse<String> signIn = admin.signIn(DemoSeeder.ADMIN_EMAIL, demoAdminPassword);

        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("Location")).hasValue("/dashboard");
        HttpResponse<String> dashboard = admin.get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("מנהל/ת");
    }

    @Test
    void aProtectedPageSendsToSignInAndSignInComesBackToIt() {
        WebClient client = app.client();
        String email = newAccount(Role.STUDENT);

        HttpResponse<String> settings = client.get("/settings?tab=1");
        assertThat(settings.statusCode()).isEqualTo(303);
        assertThat(settings.headers().firstValue("Location")).hasValue("/sign-in?next=%2Fsettings%3Ftab%3D1");

        HttpResponse<String> form = client.get(settings.headers().firstValue("Location").orElseThrow());
        assertThat(form.body()).contains("name=\"next\" value=\"/settings?tab=1\"");
        HttpResponse<String> signIn = client.post("/sign-in", "email", email, "password", TestAccounts.PASSWORD, "next", "/settings?tab=1");

        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.headers().firstValue("Location")).hasValue("/settings?tab=1");
        assertThat(client.get("/settings").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "/%0d%0aSet-Cookie:x=1 y"})
    void aNextParameterLeadingOffTheSiteIsIgnored(String next) {
        WebClient client = app.client();
        client.get("/sign-in");

        HttpResponse<String> signIn = client.post("/sign-in", "email", newAccount(Role.STUDENT), "password", TestAccounts.PASSWORD, "next", next);

        assertThat(signIn.headers().firstValue("Location")).hasValue("/dashboard");
    }

    @Test
    void signingInIssuesANewTokenEvenOverAPlantedOrExistingOne() {
        WebClient client = app.client();
        String email = newAccount(Role.STUDENT);
        client.setCookie(SessionCookie.NAME, "planted-by-an-attacker-aaaaaaaaaaaaaaaaaaaaaa");

        client.signIn(email, TestAccounts.PASSWORD);
        String first = client.cookie(SessionCookie.NAME).orElseThrow();
        client.signIn(email, TestAccounts.PASSWORD);
        String second = client.cookie(SessionCookie.NAME).orElseThrow();

        assertThat(first).isNotEqualTo("planted-by-an-attacker-aaaaaaaaaaaaaaaaaaaaaa").hasSize(43);
        assertThat(second).isNotEqualTo(first);
        assertThat(app.get("/api/v1/me", "Authorization", "Bearer " + first).statusCode()).as("the replaced session ended").isEqualTo(401);
        assertThat(app.get("/api/v1/me", "Authorization", "Bearer " + second).statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxForTheWholeSiteAndSecureBehindATlsProxy() {
        WebClient plain = app.client();
        String cookie = plain.signIn(newAccount(Role.STUDENT), TestAccounts.PASSWORD).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionCookie.NAME + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=2592000").doesNotContain("Secure");

        WebClient behindTls = app.client();
        behindTls.get("/sign-in");
        // (Only now "behind TLS": the JDK's cookie jar would not send a Secure anti-forgery cookie back over http.)
        String secure = behindTls.header("X-Forwarded-Proto", "https")
                .post("/sign-in", "email", newAccount(Role.STUDENT), "password", TestAccounts.PASSWORD).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionCookie.NAME + "=")).findFirst().orElseThrow();
        assertThat(secure).contains("Secure", "HttpOnly");
    }

    @Test
    void aPostWithoutTheAntiForgeryTokenIsRefusedWithAClearMessage() {
        WebClient student = signedIn(Role.STUDENT);

        HttpResponse<String> forged = student.postRaw("/settings/profile", Map.of("displayName", "Mallory"));
        HttpResponse<String> anonymous = app.client().postRaw("/sign-in", Map.of("email", "x@example.com", "password", "whatever"));
        HttpResponse<String> wrongToken = student.postRaw("/settings/profile", Map.of("displayName", "Mallory", "_csrf", "bogus"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("תוקף הטופס פג").contains("טענו מחדש את העמוד");
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
    }

    @Test
    void htmxRequestsMayCarryTheTokenInAHeaderAndEveryPageOffersIt() {
        WebClient student = signedIn(Role.STUDENT);
        HttpResponse<String> settings = student.get("/settings");
        assertThat(settings.body()).contains("hx-headers=\"{&#34;X-CSRF-Token&#34;: &#34;" + student.csrf() + "&#34;}\"");

        HttpResponse<String> viaHeader = student.header("X-CSRF-Token", student.csrf())
                .postRaw("/settings/profile", Map.of("displayName", "Dana", "phone", ""));

        assertThat(viaHeader.statusCode()).isEqualTo(303);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/", "/sign-in", "/static/css/app.css", "/no-such-page", "/api/v1/me"}) {
            HttpResponse<String> response = app.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
        }
    }

    @Test
    void templatesHaveNoInlineScripts() {
        assertThat(app.get("/sign-in").body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)");
    }

    @Test
    void theApiAnswers401WithoutASession() {
        HttpResponse<String> me = app.get("/api/v1/me");

        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(me.body()).contains("\"error\":\"unauthorized\"").contains("\"message\":\"");
    }

    @Test
    void theApiLogsInWithJsonAnswersMeAndLogsOut() {
        WebClient script = app.client();
        String email = newAccount(Role.TEACHER);

        HttpResponse<String> wrong = script.postJson("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"nope nope nope\"}");
        HttpResponse<String> login = script.postJson("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}");
        String token = token(login.body());
        HttpResponse<String> me = app.get("/api/v1/me", "Authorization", "Bearer " + token);
        HttpResponse<String> logout = script.postJson("/api/v1/auth/logout", "", "Authorization", "Bearer " + token);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"error\":\"invalid_credentials\"");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"email\":\"" + email + "\"").contains("\"role\":\"teacher\"");
        assertThat(logout.statusCode()).as("bearer requests need no anti-forgery token").isEqualTo(204);
        assertThat(app.get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String email = newAccount(Role.STUDENT);
        String token = token(app.client().postJson("/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}").body());
        assertThat(app.get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

        db.owner().useHandle(h -> h.execute("update user_sessions set created_at = now() - interval '15 days', expires_at = now() - interval '1 minute'"
                + " where user_id = (select id from users where email = ?)", email));

        assertThat(app.get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionSignedOutFromAnotherDeviceIsRefused() {
        String email = newAccount(Role.STUDENT);
        WebClient phone = app.client();
        WebClient laptop = app.client();
        phone.signIn(email, TestAccounts.PASSWORD);
        laptop.signIn(email, TestAccounts.PASSWORD);

        String settings = phone.get("/settings").body();
        Matcher other = Pattern.compile("name=\"session\" value=\"([0-9a-f-]{36})\"").matcher(settings);
        assertThat(other.find()).isTrue();
        assertThat(phone.post("/settings/sessions/revoke", "session", other.group(1)).statusCode()).isEqualTo(303);

        assertThat(laptop.get("/dashboard").statusCode()).isEqualTo(303);
        assertThat(phone.get("/dashboard").statusCode()).isEqualTo(200);
    }

    @Test
    void signOutEndsTheSessionAndClearsTheCookie() {
        WebClient client = signedIn(Role.STUDENT);
        String token = client.cookie(SessionCookie.NAME).orElseThrow();
        client.get("/dashboard");

        HttpResponse<String> out = client.post("/sign-out");

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith(SessionCookie.NAME + "=;").contains("Expires=Thu, 1 Jan 1970"));
        assertThat(app.get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void aStudentGets403OnAdminPagesAndTheAdminApi() {
        WebClient student = signedIn(Role.STUDENT);
        String token = token(app.client().postJson("/api/v1/auth/login",
                "{\"email\":\"" + newAccount(Role.STUDENT) + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}").body());

        HttpResponse<String> page = student.get("/admin/audit");
        HttpResponse<String> api = app.get("/api/v1/admin/audit", "Authorization", "Bearer " + token);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("אין הרשאה");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("\"error\":\"forbidden\"");
        assertThat(student.get("/admin/outbox").statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminReadsTheAuditLogFilteredByActionAndTheOutbox() {
        WebClient admin = signedIn(Role.ADMIN);
        WebClient visitor = app.client();
        String student = newAccount(Role.STUDENT);
        visitor.signIn(student, "not the password at all");
        visitor.get("/forgot-password");
        visitor.post("/forgot-password", "email", student);

        HttpResponse<String> failures = admin.get("/admin/audit?action=auth.sign_in_failed&from=2020-01-01");
        HttpResponse<String> outbox = admin.get("/admin/outbox");

        assertThat(failures.statusCode()).isEqualTo(200);
        assertThat(failures.body()).contains("auth.sign_in_failed").contains(student).doesNotContain("<code>user.created</code>");
        assertThat(outbox.statusCode()).isEqualTo(200);
        assertThat(outbox.body()).contains(student).contains("/reset-password?token=");
    }

    @Test
    void aRejectedFormShowsTheErrorNextToTheFieldAndKeepsWhatWasTypedButThePassword() {
        WebClient client = app.client();
        client.get("/sign-up");

        HttpResponse<String> signUp = client.post("/sign-up", "displayName", "Dana Levi", "email", "dana@example.com",
                "password", "short", "consent", "yes");

        assertThat(signUp.statusCode()).isEqualTo(400);
        assertThat(signUp.body())
                .contains("value=\"Dana Levi\"").contains("value=\"dana@example.com\"")
                .contains("id=\"password-error\"").contains("הסיסמה קצרה מדי")
                .doesNotContain("value=\"short\"");
    }

    @Test
    void aPhoneThatIsNotAMobileNumberIsRefusedNextToTheField() {
        WebClient student = signedIn(Role.STUDENT);
        student.get("/settings");

        HttpResponse<String> bad = student.post("/settings/profile", "displayName", "Noa", "phone", "12ab");
        HttpResponse<String> good = student.post("/settings/profile", "displayName", "Noa", "phone", "050-123-4567");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"phone-error\"").contains("value=\"12ab\"");
        assertThat(good.statusCode()).isEqualTo(303);
        assertThat(student.get("/settings").body()).contains("value=\"+972501234567\"");
    }

    private static String token(String json) {
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }
}
