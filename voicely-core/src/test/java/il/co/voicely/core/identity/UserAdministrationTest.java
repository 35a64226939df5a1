package il.co.voicely.core.identity;

import static il.co.voicely.core.identity.Identity.PASSWORD;
import static il.co.voicely.core.identity.Identity.tokenIn;
import static il.co.voicely.core.identity.Identity.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.db.Role;
import il.co.voicely.core.mail.MailMessage;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class UserAdministrationTest {

    private final TestDatabase db;
    private final List<MailMessage> sent = new CopyOnWriteArrayList<>();
    private final Identity id;

    UserAdministrationTest(TestDatabase db) {
        this.db = db;
        this.id = new Identity(db.database(), sent::add);
    }

    @Test
    void anInvitedTeacherSetsAPasswordThroughTheLinkAndIsSignedIn() {
        AuthenticatedUser admin = id.signedIn(unique("admin"), Role.ADMIN);
        String email = unique("rina");
        UUID teacher = id.admin.invite(admin, email, Role.TEACHER, "he", "203.0.113.7", "Edge");

        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo(email);
            assertThat(m.subject()).isEqualTo("הזמנה להצטרף ל-Voicely");
            assertThat(m.text()).contains("https://voicely.test/invitation?token=", "מורה");
        });
        String token = tokenIn(sent.get(0).text());
        assertThat(id.accounts.authenticate(email, PASSWORD, null, null))
                .as("no password yet").isInstanceOf(SignInResult.Failure.class);

        SignedIn in = id.accounts.acceptInvitation(token, PASSWORD, "רינה", null, null);
        assertThat(in.user().userId()).isEqualTo(teacher);
        assertThat(in.user().primaryRole()).isEqualTo(Role.TEACHER);
        assertThat(in.user().emailVerified()).isTrue();
        assertThatThrownBy(() -> id.accounts.acceptInvitation(token, PASSWORD, null, null, null))
                .as("single use").isInstanceOf(InvalidTokenException.class);
        assertThat(id.signIn(email, PASSWORD).user().userId()).isEqualTo(teacher);
        assertThat(auditActions()).contains("user.invited", "user.invitation_accepted");
    }

    @Test
    void anExpiredInvitationIsRefused() {
        AuthenticatedUser admin = id.signedIn(unique("admin"), Role.ADMIN);
        id.admin.invite(admin, unique("slowpoke"), Role.STUDENT, "en", null, null);
        String token = tokenIn(sent.get(0).text());
        id.clock.advance(UserAdministration.INVITATION_TTL.plusSeconds(1));
        assertThatThrownBy(() -> id.accounts.acceptInvitation(token, PASSWORD, null, null, null))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void onlyAdminsInviteAndAnAddressWithAnAccountCannotBeInvited() {
        AuthenticatedUser teacher = id.signedIn(unique("teacher"), Role.TEACHER);
        AuthenticatedUser admin = id.signedIn(unique("admin"), Role.ADMIN);
        assertThatThrownBy(() -> id.admin.invite(teacher, unique("x"), Role.STUDENT, "he", null, null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> id.admin.invite(admin, teacher.email(), Role.ADMIN, "he", null, null))
                .isInstanceOf(EmailTakenException.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void adminsChangeRolesAndTheChangeIsAuditedAndLive() {
        AuthenticatedUser admin = id.signedIn(unique("admin"), Role.ADMIN);
        String email = unique("promoted");
        id.admin.createAccount(email, Role.STUDENT, PASSWORD, "he");
        SignedIn student = id.signIn(email, PASSWORD);

        assertThatThrownBy(() -> id.admin.changeRole(student.user(), admin.userId(), Role.STUDENT, null, null))
                .isInstanceOf(PermissionDeniedException.class);
        id.admin.changeRole(admin, student.user().userId(), Role.TEACHER, "203.0.113.9", "Edge");

        assertThat(id.sessions.resolve(student.token()).orElseThrow().primaryRole()).isEqualTo(Role.TEACHER);
        assertThat(db.owner().<String, RuntimeException>withHandle(h -> h.createQuery(
                        "select details::text from audit_log where action = 'user.role_changed' and target_id = :id")
                .bind("id", student.user().userId().toString()).mapTo(String.class).one()))
                .contains("\"from\": [\"student\"]", "\"to\": \"teacher\"");
        assertThatThrownBy(() -> id.admin.changeRole(admin, admin.userId(), Role.STUDENT, null, null))
                .as("not one's own").isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> id.admin.changeRole(admin, UUID.randomUUID(), Role.STUDENT, null, null))
                .isInstanceOf(AccountNotFoundException.class);
    }

    @Test
    void permissionsFollowTheSeededRoleTable() {
        AuthenticatedUser student = id.signedIn(unique("s"), Role.STUDENT);
        AuthenticatedUser teacher = id.signedIn(unique("t"), Role.TEACHER);
        AuthenticatedUser admin = id.signedIn(unique("a"), Role.ADMIN);
        assertThat(id.permissions.can(student, "lessons.view_own")).isTrue();
        assertThat(id.permissions.can(student, "lessons.manage")).isFalse();
        assertThat(id.permissions.can(teacher, "lessons.manage")).isTrue();
        assertThat(id.permissions.can(teacher, "users.manage")).isFalse();
        assertThat(id.permissions.can(admin, "users.manage")).isTrue();
        assertThat(id.permissions.can(admin, "no.such.permission")).isFalse();
        assertThat(id.permissions.of(teacher)).contains("chat.agent", "recordings.review").doesNotContain("settings.manage");
        assertThatThrownBy(() -> id.permissions.require(student, "leads.manage"))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.permission()).isEqualTo("leads.manage"));
    }

    @Test
    void theOperatorCreatesVerifiedAccountsButNotTwice() {
        String email = unique("operator");
        UUID created = id.admin.createAccount(email, Role.ADMIN, PASSWORD, "en");
        assertThat(id.signIn(email, PASSWORD).user()).satisfies(u -> {
            assertThat(u.userId()).isEqualTo(created);
            assertThat(u.primaryRole()).isEqualTo(Role.ADMIN);
            assertThat(u.emailVerified()).isTrue();
        });
        assertThatThrownBy(() -> id.admin.createAccount(email, Role.STUDENT, PASSWORD, "en")).isInstanceOf(EmailTakenException.class);
    }

    private List<String> auditActions() {
        return db.owner().withHandle(h -> h.createQuery("select action from audit_log order by id").mapTo(String.class).list());
    }
}
