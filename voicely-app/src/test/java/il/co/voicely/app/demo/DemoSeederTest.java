package il.co.voicely.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.core.identity.PasswordHasher;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class DemoSeederTest {

    private static final List<String> TABLES = List.of(
            "users", "profiles", "user_roles", "groups", "group_members", "lessons", "lesson_participants");

    // The cheapest parameters the hasher accepts: this test is about seeding, not hashing cost.
    private final PasswordHasher hasher = PasswordHasher.withParameters(8 * 1024, 1, 1);
    private final DemoSeeder seeder = new DemoSeeder(hasher, new SecureRandom());

    @BeforeEach
    void emptySchool(TestDatabase db) {
        // The test class shares one database; each test starts from a school with no one in it.
        db.owner().useHandle(h -> h.execute("truncate users, groups, lessons cascade"));
    }

    @Test
    void seedingTwiceCreatesTheSchoolOnceAndPrintsThePasswordOnlyTheFirstTime(TestDatabase db) {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        Optional<String> password = seeder.seedIfEmpty(db.database(), new PrintStream(first, true, StandardCharsets.UTF_8));
        Map<String, Integer> afterFirst = counts(db);
        Optional<String> again = seeder.seedIfEmpty(db.database(), new PrintStream(second, true, StandardCharsets.UTF_8));

        assertThat(password).isPresent();
        assertThat(first.toString(StandardCharsets.UTF_8))
                .isEqualTo("Demo admin: admin@voicely.local / " + password.get() + System.lineSeparator());
        assertThat(again).isEmpty();
        assertThat(second.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(counts(db)).isEqualTo(afterFirst).isEqualTo(Map.of(
                "users", 4, "profiles", 4, "user_roles", 4, "groups", 1, "group_members", 2,
                "lessons", 4, "lesson_participants", 5));
        String hash = db.owner().withHandle(h -> h.createQuery("select password_hash from users where email = :email")
                .bind("email", DemoSeeder.ADMIN_EMAIL).mapTo(String.class).one());
        assertThat(hasher.verify(password.get(), hash)).isTrue();
    }

    @Test
    void theDemoSchoolHasAPastLessonUpcomingOnesAndAGroupLesson(TestDatabase db) {
        seeder.seedIfEmpty(db.database(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        Map<String, Object> lessons = db.owner().withHandle(h -> h.createQuery("""
                select count(*) filter (where starts_at < now() and status = 'completed') as past,
                       count(*) filter (where starts_at > now() and status = 'scheduled') as upcoming,
                       count(*) filter (where kind = 'group' and group_id is not null) as group_lessons
                  from lessons""").mapToMap().one());
        List<String> roles = db.owner().withHandle(h -> h.createQuery(
                "select role from user_roles order by role").mapTo(String.class).list());
        String groupName = db.owner().withHandle(h -> h.createQuery("select name from groups").mapTo(String.class).one());

        assertThat(lessons).containsEntry("past", 1L).containsEntry("upcoming", 3L).containsEntry("group_lessons", 1L);
        assertThat(roles).containsExactly("admin", "student", "student", "teacher");
        assertThat(groupName).isEqualTo("מקהלת הצעירים");
    }

    @Test
    void aDatabaseThatAlreadyHasUsersIsLeftAlone(TestDatabase db) {
        db.owner().useHandle(h -> h.execute("insert into users (email) values ('someone@school.example')"));

        Optional<String> password = seeder.seedIfEmpty(db.database(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(password).isEmpty();
        assertThat(counts(db)).containsEntry("users", 1).containsEntry("lessons", 0);
    }

    private static Map<String, Integer> counts(TestDatabase db) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        db.owner().useHandle(h -> TABLES.forEach(table ->
                counts.put(table, h.createQuery("select count(*) from " + table).mapTo(Integer.class).one())));
        return counts;
    }

    @Test
    void theFirstSeedingIndexesTheFictionalSitePagesForTheChatAssistant(TestDatabase db) {
        seeder.seedIfEmpty(db.database(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        List<String> titles = db.owner().withHandle(h -> h.createQuery("""
                        select d.title from rag_documents d where d.collection = 'website' and d.source = :source
                        and exists (select 1 from rag_chunks c where c.document_id = d.id)""")
                .bind("source", DemoSite.SOURCE).mapTo(String.class).list());
        assertThat(titles).hasSize(DemoSite.PAGES.size()).contains("Trial lesson", "Prices");
    }
}
