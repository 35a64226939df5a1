package il.co.voicely.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.core.db.DatabaseSettings;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersAddCommandTest {

    private final TestDatabase db;
    private final TestApp app;

    UsersAddCommandTest(TestDatabase db) {
        this.db = db;
        this.app = TestApp.start(db.database());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private record Run(int code, String out, String err) {
    }

    private Run voicely(String stdin, String... args) {
        DatabaseSettings s = db.settings();
        Map<String, String> env = Map.of("VOICELY_DB_URL", s.jdbcUrl(), "VOICELY_DB_USER", s.ownerUser(),
                "VOICELY_DB_PASSWORD", s.ownerPassword(), "VOICELY_DB_APP_USER", s.appUser(),
                "VOICELY_DB_APP_PASSWORD", s.appPassword(), "VOICELY_DB_POOL_SIZE", "2");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VoicelyCommand.run(args, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usersAddCreatesAnAccountThatCanSignIn() {
        Run run = voicely("a choir of forty voices\n", "users", "add", "--email", "Rina@School.example", "--role", "teacher", "--password-stdin");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines()).singleElement().satisfies(line -> assertThat(line).startsWith("Created teacher rina@school.example (id "));
        WebClient client = app.client();
        assertThat(client.signIn("rina@school.example", "a choir of forty voices").statusCode()).isEqualTo(303);
        assertThat(client.get("/dashboard").body()).contains("מורה");
    }

    @Test
    void aWeakPasswordIsRefusedWithTheReason() {
        Run run = voicely("short1\n", "users", "add", "--email", "weak@school.example", "--role", "student", "--password-stdin");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("too short");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aTakenAddressIsRefused() {
        assertThat(voicely("first of many lessons", "users", "add", "--email", "twice@school.example", "--role", "admin", "--password-stdin").code()).isZero();

        Run again = voicely("second of many lessons", "users", "add", "--email", "twice@school.example", "--role", "admin", "--password-stdin");

        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("twice@school.example already has an account");
    }

    @Test
    void anUnknownRoleIsAUsageError() {
        Run run = voicely("whatever it is here", "users", "add", "--email", "x@school.example", "--role", "janitor", "--password-stdin");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--role").contains("janitor");
    }
}
