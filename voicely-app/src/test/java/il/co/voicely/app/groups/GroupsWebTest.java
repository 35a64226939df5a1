package il.co.voicely.app.groups;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.app.lessons.Accounts;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.testing.PostgresExtension;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupsWebTest {

    private final TestApp app;
    private final Accounts accounts;

    GroupsWebTest(Database database) {
        this.app = TestApp.start(database);
        this.accounts = new Accounts(database, app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private static String createGroup(WebClient teacher, String name) {
        teacher.get("/groups");
        HttpResponse<String> created = teacher.post("/groups", "name", name, "description", "Weekly rehearsal");
        assertThat(created.statusCode()).isEqualTo(303);
        return created.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void theTeacherAddsAndRemovesMembersByEmail() {
        WebClient teacher = accounts.signedIn(accounts.create("Group Teacher", Role.TEACHER));
        UUID student = accounts.create("Dana Member", Role.STUDENT);
        String group = createGroup(teacher, "Juniors choir");

        teacher.get(group);
        assertThat(teacher.post(group + "/members", "email", accounts.email(student)).statusCode()).isEqualTo(303);
        assertThat(teacher.get(group).body()).contains("Juniors choir").contains("Dana Member").contains("Members (1)");

        teacher.post(group + "/members/remove", "user", student.toString());
        assertThat(teacher.get(group).body()).doesNotContain("Dana Member").contains("Members (0)");

        HttpResponse<String> unknown = teacher.post(group + "/members", "email", "nobody@nowhere.test");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("No account has this e-mail address.");
    }

    @Test
    void aStudentJoinsAGroupByItsLinkAndOnlySeesTheirOwnGroups() {
        WebClient teacher = accounts.signedIn(accounts.create("Link Teacher", Role.TEACHER));
        String choir = createGroup(teacher, "Evening choir");
        String other = createGroup(teacher, "Closed group");
        Matcher link = Pattern.compile("/join/([A-Za-z0-9_-]+)\"").matcher(teacher.get(choir).body());
        assertThat(link.find()).isTrue();

        WebClient student = accounts.signedIn(accounts.create("Link Student", Role.STUDENT));
        assertThat(student.get(choir).statusCode()).isEqualTo(404);
        student.get("/join/" + link.group(1));
        HttpResponse<String> joined = student.post("/join/" + link.group(1));

        assertThat(joined.headers().firstValue("Location")).hasValue("/lessons?joined=group");
        assertThat(student.get("/groups").body()).contains("Evening choir").doesNotContain("Closed group");
        assertThat(student.get(choir).statusCode()).isEqualTo(200);
        assertThat(student.get(other).statusCode()).isEqualTo(404);
        assertThat(student.get("/groups").body()).doesNotContain("New group");
    }
}
