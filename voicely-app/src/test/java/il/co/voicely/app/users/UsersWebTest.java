package il.co.voicely.app.users;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.AccountMail;
import il.co.voicely.core.identity.PasswordHasher;
import il.co.voicely.core.identity.PasswordPolicy;
import il.co.voicely.core.identity.SessionPolicy;
import il.co.voicely.core.identity.UserAdministration;
import il.co.voicely.core.identity.UserSessions;
import il.co.voicely.core.mail.Mailer;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersWebTest {

    private static final String PASSWORD = "a singing lesson at noon";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    private final TestDatabase db;
    private final TestApp app;

    UsersWebTest(TestDatabase db) {
        this.db = db;
        this.app = TestApp.start(db.database());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static UserAdministration administration(Database db) {
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(db, clock);
        return new UserAdministration(db, new UserSessions(db, audit, SessionPolicy.defaults(), clock), audit,
                new AccountMail(Mailer.configured(Optional.empty(), db, clock), URI.create("http://localhost")),
                PasswordHasher.defaults(), PasswordPolicy.standard(), clock);
    }

    private String email(Role role) {
        return "users-" + role.sqlName() + PEOPLE.incrementAndGet() + "@example.com";
    }

    private UUID account(String email, Role role) {
        return administration(db.database()).createAccount(email, role, PASSWORD, "he");
    }

    private WebClient signedIn(Role role) {
        String email = email(role);
        account(email, role);
        WebClient client = app.client();
        assertThat(client.signIn(email, PASSWORD).statusCode()).isEqualTo(303);
        client.get("/admin/users");
        return client;
    }

    private List<String> auditActions(UUID target) {
        return db.owner().withHandle(h -> h.createQuery("select action from audit_log where target_id = :id order by id")
                .bind("id", target.toString()).mapTo(String.class).list());
    }

    @Test
    void anAdminInvitesSomeoneWhoThenAppearsInTheSearch() {
        WebClient admin = signedIn(Role.ADMIN);
        String invited = email(Role.TEACHER);

        HttpResponse<String> invite = admin.post("/admin/users/invite", "email", invited, "role", "teacher");
        HttpResponse<String> found = admin.get("/admin/users?q=" + invited.substring(0, invited.indexOf('@')));

        assertThat(invite.statusCode()).isEqualTo(303);
        assertThat(invite.headers().firstValue("Location")).hasValue("/admin/users?done=invited");
        assertThat(found.body()).contains(invited).contains("הוזמן");
        assertThat(admin.get("/admin/users?done=invited").body()).contains("ההזמנה נשלחה.");
        int mails = db.owner().withHandle(h -> h.createQuery("select count(*) from outbox_mail where to_address = :to")
                .bind("to", invited).mapTo(Integer.class).one());
        assertThat(mails).isEqualTo(1);
    }

    @Test
    void anAdminChangesARoleDeactivatesReactivatesAndSendsAResetLinkAllAudited() {
        WebClient admin = signedIn(Role.ADMIN);
        String email = email(Role.STUDENT);
        UUID student = account(email, Role.STUDENT);

        assertThat(admin.post("/admin/users/" + student + "/role", "role", "teacher").statusCode()).isEqualTo(303);
        assertThat(admin.post("/admin/users/" + student + "/deactivate").statusCode()).isEqualTo(303);
        assertThat(app.client().signIn(email, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/users/" + student + "/reactivate").statusCode()).isEqualTo(303);
        assertThat(admin.post("/admin/users/" + student + "/reset").statusCode()).isEqualTo(303);

        assertThat(auditActions(student)).containsSubsequence("user.role_changed", "user.deactivated", "user.reactivated",
                "user.password_reset_requested", "user.reset_link_sent");
        assertThat(app.client().signIn(email, PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void badInputGetsAClearAnswerAndChangesNothing() {
        WebClient admin = signedIn(Role.ADMIN);
        String taken = email(Role.STUDENT);
        account(taken, Role.STUDENT);

        HttpResponse<String> duplicate = admin.post("/admin/users/invite", "email", taken, "role", "student");
        HttpResponse<String> noRole = admin.post("/admin/users/invite", "email", email(Role.STUDENT), "role", "owner");
        HttpResponse<String> unknown = admin.post("/admin/users/" + UUID.randomUUID() + "/deactivate");

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("לכתובת הזו כבר יש חשבון.");
        assertThat(noRole.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("החשבון לא קיים.");
    }

    @Test
    void anAdminCannotDeactivateThemselves() {
        String email = email(Role.ADMIN);
        UUID me = account(email, Role.ADMIN);
        WebClient admin = app.client();
        admin.signIn(email, PASSWORD);
        admin.get("/admin/users");

        HttpResponse<String> self = admin.post("/admin/users/" + me + "/deactivate");

        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(self.body()).contains("אי אפשר לשנות את התפקיד שלך או להשבית את עצמך");
        assertThat(auditActions(me)).doesNotContain("user.deactivated");
    }

    @Test
    void aTeacherGets403OnUserManagement() {
        WebClient teacher = signedIn(Role.TEACHER);

        assertThat(teacher.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(teacher.post("/admin/users/invite", "email", email(Role.STUDENT), "role", "student").statusCode()).isEqualTo(403);
    }
}
