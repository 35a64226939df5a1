package il.co.voicely.app.livechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import il.co.voicely.app.TestApp;
import il.co.voicely.app.demo.DemoSite;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.chat.Handoffs;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The visitor's bot answers from the demo website pages, offline (no language model configured). */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistantBotTest {

    private final TestDatabase db;
    private final TestApp app;
    private final Handoffs handoffs;

    AssistantBotTest(TestDatabase db) {
        this.db = db;
        DemoSite.index(db.database());
        this.app = TestApp.start(db.database());
        this.handoffs = new Handoffs(db.database(), new AuditLog(db.database(), Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aHebrewQuestionIsAnsweredByQuotingTheSitePageWithItsSource() {
        try (SocketClient visitor = visitor("he")) {
            JsonNode answer = ask(visitor, "כמה עולה שיעור ניסיון?");

            assertThat(answer.path("body").asText())
                    .contains("מצטט מאתר בית הספר")
                    .contains("90 ש\"ח")
                    .containsPattern("(שיעור ניסיון|מחירים) \\(https://voicely\\.example/he/(trial|prices)\\)");
            assertThat(actions(answer)).as("a trial lesson was asked about").contains("trial");
        }
    }

    @Test
    void anEnglishQuestionIsAnsweredInEnglishWithItsSource() {
        try (SocketClient visitor = visitor("en")) {
            JsonNode answer = ask(visitor, "How old must children be for the juniors programme?");

            assertThat(answer.path("body").asText())
                    .contains("quoting the school's website")
                    .contains("aged 8 to 17")
                    .contains("Juniors programme (https://voicely.example/en/juniors)")
                    .doesNotContainPattern("[\\u0590-\\u05FF]");
            assertThat(actions(answer)).doesNotContain("human");
        }
    }

    @Test
    void aQuestionTheSiteCannotAnswerOffersAPerson() {
        try (SocketClient visitor = visitor("en")) {
            JsonNode answer = ask(visitor, "Can I park my bicycle inside?");

            assertThat(answer.path("body").asText()).contains("could not find");
            assertThat(actions(answer)).contains("human");
        }
    }

    @Test
    void afterAnAgentTakesOverTheBotStaysSilent() {
        try (SocketClient visitor = visitor("en")) {
            UUID conversation = UUID.fromString(visitor.await("ready").path("conversation").asText());
            visitor.send(Map.of("type", "hello", "after", 0));
            visitor.send(Map.of("type", "send", "text", "What does a private lesson cost?"));
            visitor.await(f -> "bot".equals(f.path("sender").asText()));

            SessionContext agent = SessionContext.user(TestPeople.create(db.database(), Role.TEACHER).id(), Role.TEACHER);
            handoffs.takeOver(agent, conversation);
            visitor.send(Map.of("type", "send", "text", "And what does a trial lesson cost?"));
            visitor.await(f -> "visitor".equals(f.path("sender").asText())
                    && f.path("body").asText().startsWith("And what"));

            assertThat(visitor.collect("message", Duration.ofSeconds(3)))
                    .as("the bot stays silent while a person has the conversation")
                    .noneMatch(m -> "bot".equals(m.path("sender").asText()));
        }
    }

    private static JsonNode ask(SocketClient visitor, String question) {
        visitor.await("ready");
        visitor.send(Map.of("type", "hello", "after", 0));
        visitor.send(Map.of("type", "send", "text", question));
        return visitor.await(f -> "message".equals(f.path("type").asText()) && "bot".equals(f.path("sender").asText()));
    }

    private static List<String> actions(JsonNode message) {
        List<String> out = new ArrayList<>();
        message.path("actions").forEach(a -> out.add(a.asText()));
        return out;
    }

    private SocketClient visitor(String lang) {
        return SocketClient.connect(app.url().replaceFirst("^http", "ws").replaceAll("/$", "")
                + "/ws/chat?lang=" + lang + "&visitor=" + UUID.randomUUID());
    }
}
