package il.co.voicely.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class AuditLogTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final TestDatabase db;

    AuditLogTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void anyContextAppendsButOnlyAdminsRead() {
        UUID student = UUID.randomUUID();
        AuditLog audit = new AuditLog(db.database(), Clock.fixed(T0, ZoneOffset.UTC));
        audit.append(SessionContext.anonymous(), AuditEntry.of("auth.sign_in_failed").target("account", "x@example.com")
                .client("203.0.113.7", "curl/8").detail("reason", "unknown_email"));
        audit.append(SessionContext.user(student, Role.STUDENT), AuditEntry.of("user.data_exported").actor(student)
                .target("user", student.toString()).client("not an ip", null));

        SessionContext asStudent = SessionContext.user(student, Role.STUDENT);
        assertThat(audit.query(asStudent, AuditQuery.all())).satisfies(page -> {
            assertThat(page.records()).isEmpty();
            assertThat(page.total()).isZero();
        });
        assertThat(db.database().<Integer, RuntimeException>inContext(asStudent, h -> h.createQuery("select count(*) from audit_log").mapTo(int.class).one()))
                .isZero();

        AuditPage page = audit.query(SessionContext.user(UUID.randomUUID(), Role.ADMIN), AuditQuery.all());
        assertThat(page.records()).extracting(AuditRecord::action).containsExactly("user.data_exported", "auth.sign_in_failed");
        AuditRecord failed = page.records().get(1);
        assertThat(failed.actorRole()).isEqualTo("anonymous");
        assertThat(failed.ip()).contains("203.0.113.7");
        assertThat(failed.occurredAt()).isEqualTo(T0);
        assertThat(failed.detailsJson()).isEqualTo("{\"reason\": \"unknown_email\"}");
        assertThat(page.records().get(0).actorRole()).isEqualTo("student");
        assertThat(page.records().get(0).ip()).as("garbage addresses are dropped, not fatal").isEmpty();
    }

    @Test
    void theLogCannotBeChangedOrEmptiedByTheApplication() {
        AuditLog audit = new AuditLog(db.database(), Clock.systemUTC());
        audit.append(SessionContext.system(), AuditEntry.of("test.kept"));
        assertThatThrownBy(() -> db.database().useContext(SessionContext.system(),
                h -> h.execute("update audit_log set action = 'test.changed'"))).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> db.database().useContext(SessionContext.system(),
                h -> h.execute("delete from audit_log"))).hasMessageContaining("permission denied");
    }

    @Test
    void adminsFilterByActorActionAndTimeAndPage() {
        UUID dana = UUID.randomUUID();
        UUID rina = UUID.randomUUID();
        for (int i = 0; i < 7; i++) {
            AuditLog at = new AuditLog(db.database(), Clock.fixed(T0.plusSeconds(3600L * i), ZoneOffset.UTC));
            at.append(SessionContext.system(), AuditEntry.of("filter.sign_in").actor(i % 2 == 0 ? dana : rina));
            at.append(SessionContext.system(), AuditEntry.of("filter.other").actor(dana));
        }
        AuditLog audit = new AuditLog(db.database(), Clock.systemUTC());
        SessionContext admin = SessionContext.user(UUID.randomUUID(), Role.ADMIN);

        AuditPage first = audit.query(admin, AuditQuery.all().action("filter.sign_in").actor(dana).page(1, 3));
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.records()).hasSize(3).extracting(AuditRecord::occurredAt)
                .containsExactly(T0.plusSeconds(6 * 3600), T0.plusSeconds(4 * 3600), T0.plusSeconds(2 * 3600));
        assertThat(first.hasNext()).isTrue();
        AuditPage second = audit.query(admin, AuditQuery.all().action("filter.sign_in").actor(dana).page(2, 3));
        assertThat(second.records()).extracting(AuditRecord::occurredAt).containsExactly(T0);
        assertThat(second.hasNext()).isFalse();

        AuditPage window = audit.query(admin, AuditQuery.all().action("filter.other").between(T0.plusSeconds(3600), T0.plusSeconds(3 * 3600)));
        assertThat(window.total()).isEqualTo(2);
    }

    @Test
    void actionsMustBeDottedLowerCase() {
        assertThatThrownBy(() -> AuditEntry.of("Sign In")).isInstanceOf(IllegalArgumentException.class);
    }
}
