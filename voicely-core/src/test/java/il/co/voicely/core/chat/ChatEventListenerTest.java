package il.co.voicely.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two pools on one database stand for two app instances behind a load balancer. */
@ExtendWith(PostgresExtension.class)
class ChatEventListenerTest {

    private static final SessionContext SYSTEM = SessionContext.system();

    private final TestDatabase test;

    ChatEventListenerTest(TestDatabase test) {
        this.test = test;
    }

    @Test
    void aMessageWrittenOnOneInstanceReachesASubscriberOnAnotherWithinASecondInOrderOnce() throws Exception {
        try (Database instanceB = Database.open(test.settings());
             ChatEventListener listenerB = ChatEventListener.start(instanceB.settings())) {
            BlockingQueue<ChatEvent> received = new LinkedBlockingQueue<>();
            listenerB.subscribe(received::add);
            Conversations onA = new Conversations(test.database(), Clock.systemUTC());
            Conversation c = onA.openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("fan-out"));

            List<Long> written = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                written.add(onA.receive(SYSTEM, c.id(), NewMessage.text("message " + i)).message().id());
            }
            onA.receive(SYSTEM, c.id(), NewMessage.text("dup").withProviderId("wamid.FANOUT"));
            onA.receive(SYSTEM, c.id(), NewMessage.text("dup").withProviderId("wamid.FANOUT"));

            List<Long> heard = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ChatEvent e = received.poll(1, TimeUnit.SECONDS);
                assertThat(e).as("event %d within a second", i).isNotNull();
                assertThat(e.kind()).isEqualTo(ChatEvent.Kind.MESSAGE);
                assertThat(e.conversationId()).contains(c.id());
                heard.add(e.messageId().orElseThrow());
            }
            assertThat(heard.subList(0, 5)).isEqualTo(written);
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("the redelivery is not announced again").isNull();

            // What the subscriber does next: read what it heard about, as its client, through its own pool.
            assertThat(new Conversations(instanceB, Clock.systemUTC()).messagesAfter(SYSTEM, c.id(), written.get(3), 10))
                    .extracting(ChatMessage::id).startsWith(written.get(4));
        }
    }

    @Test
    void stateChangesAndTypingAreAnnouncedButARolledBackWriteIsNot() throws Exception {
        try (ChatEventListener listener = ChatEventListener.start(test.settings())) {
            BlockingQueue<ChatEvent> received = new LinkedBlockingQueue<>();
            listener.subscribe(received::add);
            Conversations chats = new Conversations(test.database(), Clock.systemUTC());
            Handoffs handoffs = new Handoffs(test.database(), new AuditLog(test.database(), Clock.systemUTC()), Clock.systemUTC());
            Conversation c = chats.openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("events"));

            handoffs.requestHuman(SYSTEM, c.id());
            assertThatThrownBy(() -> chats.send(SYSTEM, c.id(), ChatMessage.Sender.BOT, NewMessage.text("x")))
                    .isInstanceOf(BotSilencedException.class);
            chats.typing(SYSTEM, c.id(), "visitor");

            assertThat(received.poll(1, TimeUnit.SECONDS)).extracting(ChatEvent::kind).isEqualTo(ChatEvent.Kind.STATE);
            ChatEvent typing = received.poll(1, TimeUnit.SECONDS);
            assertThat(typing.kind()).isEqualTo(ChatEvent.Kind.TYPING);
            assertThat(typing.by()).contains("visitor");
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void aListenerThatLosesItsConnectionReconnectsAndAsksClientsToResync() throws Exception {
        try (ChatEventListener listener = ChatEventListener.start(test.settings())) {
            BlockingQueue<ChatEvent> received = new LinkedBlockingQueue<>();
            AutoCloseable subscription = listener.subscribe(received::add);
            int killed = test.owner().withHandle(h -> h.createQuery("""
                            select count(pg_terminate_backend(pid)) from pg_stat_activity
                             where application_name = 'voicely-chat-listener' and datname = current_database()""")
                    .mapTo(int.class).one());
            assertThat(killed).isEqualTo(1);

            ChatEvent resync = received.poll(5, TimeUnit.SECONDS);
            assertThat(resync).isNotNull();
            assertThat(resync.kind()).isEqualTo(ChatEvent.Kind.RESYNC);

            Conversations chats = new Conversations(test.database(), Clock.systemUTC());
            Conversation c = chats.openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("after-reconnect"));
            long id = chats.receive(SYSTEM, c.id(), NewMessage.text("still here?")).message().id();
            assertThat(received.poll(2, TimeUnit.SECONDS)).extracting(ChatEvent::messageId).isEqualTo(OptionalLong.of(id));

            subscription.close();
            chats.receive(SYSTEM, c.id(), NewMessage.text("nobody listens"));
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void eventPayloadsAreSmallJsonWithIdsOnly() {
        ChatEvent event = ChatEvent.message(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"), 42);
        String json = ChatEvents.toJson(event);
        assertThat(json).isEqualTo("{\"kind\":\"message\",\"conversation\":\"00000000-0000-0000-0000-000000000001\",\"message\":42}");
        assertThat(ChatEvents.fromJson(json)).isEqualTo(event);
    }
}
