package il.co.voicely.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class AnalyticsEventsTest {

    @Test
    void aStudentRecordsAnEventAboutThemselvesAndAVisitorAnAnonymousOne(TestDatabase db) {
        UUID student = UUID.randomUUID();
        db.owner().useHandle(h -> h.execute("insert into users (id, email) values (?, 'events@example.com')", student));
        AnalyticsEvents events = new AnalyticsEvents(db.database(), Clock.systemUTC());

        events.record(SessionContext.user(student, Role.STUDENT), AnalyticsEvents.SIGNIN, Map.of("method", "password"));
        events.record(SessionContext.anonymous(), AnalyticsEvents.PAGE_VIEW, Map.of("path", "/"));

        List<String> rows = db.owner().withHandle(h -> h.createQuery(
                "select name || ' ' || coalesce(user_id::text, '-') || ' ' || properties::text from analytics_events order by id")
                .mapTo(String.class).list());
        assertThat(rows).containsExactly("signin " + student + " {\"method\": \"password\"}", "page_view - {\"path\": \"/\"}");
    }

    @Test
    void anEventOutsideTheSchemaIsRefusedWithTheReason(TestDatabase db) {
        AnalyticsEvents events = new AnalyticsEvents(db.database(), Clock.systemUTC());

        assertThatThrownBy(() -> events.record(SessionContext.anonymous(), "signed_in", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown analytics event 'signed_in'");
        assertThatThrownBy(() -> events.record(SessionContext.anonymous(), AnalyticsEvents.SEARCH, Map.of("filters", List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("property 'filters'");
    }
}
