package il.co.voicely.app.livechat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.core.chat.ChatMessage;
import il.co.voicely.core.chat.Conversations;
import il.co.voicely.core.chat.Handoffs;
import il.co.voicely.core.chat.NewMessage;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveChatSocketTest {

    private static final String ALLOWED_SITE = "http://school.example";

    private final TestDatabase db;
    private final TestApp app;
    private final TestApp second;
    private final Conversations conversations;
    private final Handoffs handoffs;

    LiveChatSocketTest(TestDatabase db) {
        this.db = db;
        this.app = TestApp.start(db.database(), s -> s.withWidgetOrigins(List.of(ALLOWED_SITE)));
        this.second = TestApp.start(db.database());
        this.conversations = new Conversations(db.database(), Clock.systemUTC());
        this.handoffs = new Handoffs(db.database(), new AuditLog(db.database(), Clock.systemUTC()), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        app.close();
        second.close();
    }

    @Test
    void aReconnectingVisitorGetsExactlyWhatItMissedInOrderOnce() {
        String key = visitorKey();
        long lastSeen;
        UUID conversation;
        try (SocketClient visitor = visitor(app, key)) {
            conversation = UUID.fromString(visitor.await("ready").path("conversation").asText());
            visitor.send(Map.of("type", "hello", "after", 0));
            visitor.send(Map.of("type", "send", "text", "hello, is anyone there?"));
            visitor.await(f -> "message".equals(f.path("type").asText()) && "visitor".equals(f.path("sender").asText()));
            lastSeen = visitor.await(f -> "bot".equals(f.path("sender").asText())).path("id").asLong();
        }
        SessionContext agent = SessionContext.user(TestPeople.create(db.database(), Role.TEACHER).id(), Role.TEACHER);
        handoffs.takeOver(agent, conversation);
        for (String text : List.of("one", "two", "three")) {
            conversations.send(agent, conversation, ChatMessage.Sender.AGENT, NewMessage.text(text));
        }

        try (SocketClient visitor = visitor(app, key)) {
            visitor.await("ready");
            visitor.send(Map.of("type", "hello", "after", lastSeen));
            List<JsonNode> missed = visitor.collect("message", Duration.ofSeconds(2));

            assertThat(missed).extracting(m -> m.path("body").asText()).containsExactly("one", "two", "three");
            assertThat(missed).extracting(m -> m.path("sender").asText()).containsOnly("agent");
        }
    }

    @Test
    void aVisitorsFirstConnectionStartsAChatAndAReconnectionDoesNot() {
        String key = visitorKey();
        long before = chatsStarted();

        try (SocketClient visitor = visitor(app, key)) {
            visitor.await("ready");
        }
        try (SocketClient visitor = visitor(app, key)) {
            visitor.await("ready");
        }

        assertThat(chatsStarted()).isEqualTo(before + 1);
    }

    private long chatsStarted() {
        return db.database().inContext(SessionContext.system(), h -> h.createQuery(
                "select count(*) from analytics_events where name = 'chat_started' and properties ->> 'channel' = 'widget'")
                .mapTo(Long.class).one());
    }

    @Test
    void twoInstancesOnOneDatabaseBothDeliver() {
        TestPeople.Person teacher = TestPeople.create(db.database(), Role.TEACHER);
        String cookie = "voicely_session=" + teacher.signIn(second);
        try (SocketClient visitor = visitor(app, visitorKey());
             SocketClient agent = SocketClient.connect(ws(second, "/ws/agent"), "Cookie", cookie)) {
            String conversation = visitor.await("ready").path("conversation").asText();
            visitor.send(Map.of("type", "hello", "after", 0));
            agent.send(Map.of("type", "watch", "conversation", conversation, "after", 0));
            agent.await("conversation");

            visitor.send(Map.of("type", "human"));
            assertThat(agent.await("handoff").path("conversation").asText()).isEqualTo(conversation);
            visitor.send(Map.of("type", "send", "text", "I want to book a trial"));
            assertThat(agent.await(f -> "visitor".equals(f.path("sender").asText())).path("body").asText())
                    .isEqualTo("I want to book a trial");

            agent.send(Map.of("type", "take"));
            agent.send(Map.of("type", "send", "text", "Happy to help!"));
            assertThat(visitor.await(f -> "agent".equals(f.path("sender").asText())).path("body").asText())
                    .isEqualTo("Happy to help!");
            assertThat(visitor.collect("message", Duration.ofSeconds(1)))
                    .as("the bot stays silent while a person has the conversation")
                    .noneMatch(m -> "bot".equals(m.path("sender").asText()));
        }
    }

    @Test
    void internalNotesNeverReachTheVisitor() {
        TestPeople.Person teacher = TestPeople.create(db.database(), Role.TEACHER);
        String cookie = "voicely_session=" + teacher.signIn(app);
        try (SocketClient visitor = visitor(app, visitorKey());
             SocketClient agent = SocketClient.connect(ws(app, "/ws/agent"), "Cookie", cookie)) {
            String conversation = visitor.await("ready").path("conversation").asText();
            visitor.send(Map.of("type", "hello", "after", 0));
            agent.send(Map.of("type", "watch", "conversation", conversation, "after", 0));
            agent.await("conversation");
            agent.send(Map.of("type", "note", "text", "likely a parent"));
            agent.send(Map.of("type", "take"));
            agent.send(Map.of("type", "send", "text", "Hello!"));

            assertThat(agent.await(f -> "note".equals(f.path("kind").asText())).path("body").asText()).isEqualTo("likely a parent");
            assertThat(visitor.collect("message", Duration.ofSeconds(2))).extracting(m -> m.path("body").asText())
                    .containsExactly("Hello!");
        }
    }

    @Test
    void aStudentCannotOpenAnotherStudentsConversation() {
        TestPeople.Person owner = TestPeople.create(db.database(), Role.STUDENT);
        String cookie = "voicely_session=" + owner.signIn(app);
        String conversation;
        try (SocketClient student = SocketClient.connect(ws(app, "/ws/chat"), "Cookie", cookie)) {
            conversation = student.await("ready").path("conversation").asText();
            student.send(Map.of("type", "hello", "after", 0));
            student.send(Map.of("type", "send", "text", "my private question"));
            student.await(f -> "visitor".equals(f.path("sender").asText()));
        }
        WebClient other = app.client();
        TestPeople.Person stranger = TestPeople.create(db.database(), Role.STUDENT);
        other.signIn(stranger.email(), TestPeople.PASSWORD);

        HttpResponse<String> theirs = other.get("/api/v1/chat/conversations/" + conversation + "/messages");
        WebClient mine = app.client();
        mine.signIn(owner.email(), TestPeople.PASSWORD);
        HttpResponse<String> own = mine.get("/api/v1/chat/conversations/" + conversation + "/messages");

        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.body()).doesNotContain("my private question");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("my private question");
    }

    @Test
    void theConsoleIsForTeachersAndAdminsOnly() {
        WebClient student = app.client();
        student.signIn(TestPeople.create(db.database(), Role.STUDENT).email(), TestPeople.PASSWORD);
        WebClient teacher = app.client();
        teacher.signIn(TestPeople.create(db.database(), Role.TEACHER).email(), TestPeople.PASSWORD);

        assertThat(student.get("/live-chat").statusCode()).isEqualTo(403);
        assertThat(SocketClient.refused(ws(app, "/ws/agent"), "Cookie", "voicely_session=" + student.cookie("voicely_session").orElseThrow()))
                .isTrue();
        assertThat(teacher.get("/live-chat").statusCode()).isEqualTo(200);
        assertThat(app.client().get("/live-chat").statusCode()).as("anonymous: to sign-in").isEqualTo(303);
    }

    @Test
    void theWidgetSocketAcceptsOnlyListedSites() {
        assertThat(SocketClient.refused(ws(app, "/ws/chat?visitor=" + visitorKey()), "Origin", "https://evil.example")).isTrue();
        assertThat(SocketClient.refused(ws(app, "/ws/chat?visitor=" + visitorKey()), "Origin", ALLOWED_SITE)).isFalse();
        assertThat(SocketClient.refused(ws(app, "/ws/chat?visitor=short"), "Origin", ALLOWED_SITE))
                .as("a guessable visitor key").isTrue();
    }

    @Test
    void theEmbedScriptCarriesItsTextsInBothLanguages() {
        HttpResponse<String> script = app.get("/chat-embed.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
        assertThat(script.body()).contains("\"he\":{").contains("\"en\":{").contains("Talk to a person");
    }

    @Test
    void theChatPageRunsTheWidgetInlineInBothLanguages() {
        HttpResponse<String> hebrew = app.get("/chat");
        HttpResponse<String> english = app.get("/chat?lang=en");

        assertThat(hebrew.statusCode()).isEqualTo(200);
        assertThat(hebrew.body()).contains("dir=\"rtl\"").contains("src=\"/chat-embed.js\" data-inline=\"#livechat-inline\" data-lang=\"he\"")
                .contains("href=\"/chat\" aria-current=\"page\"");
        assertThat(english.body()).contains("dir=\"ltr\"").contains("Chat with us").contains("data-lang=\"en\"");
    }

    private static SocketClient visitor(TestApp target, String key) {
        return SocketClient.connect(ws(target, "/ws/chat?lang=en&visitor=" + key));
    }

    private static String ws(TestApp target, String path) {
        return target.url().replaceFirst("^http", "ws").replaceAll("/$", "") + path;
    }

    private static String visitorKey() {
        return UUID.randomUUID().toString();
    }
}
