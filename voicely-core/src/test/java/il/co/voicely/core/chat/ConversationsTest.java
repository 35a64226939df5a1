package il.co.voicely.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.PermissionDeniedException;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ConversationsTest {

    private static final SessionContext SYSTEM = SessionContext.system();

    private final TestDatabase test;
    private final Conversations chats;
    private final Handoffs handoffs;
    private final People people;

    ConversationsTest(TestDatabase test) {
        this.test = test;
        this.chats = new Conversations(test.database(), Clock.systemUTC());
        this.handoffs = new Handoffs(test.database(), new AuditLog(test.database(), Clock.systemUTC()), Clock.systemUTC());
        this.people = new People(test);
    }

    @Test
    void aContactHasOneConversationPerChannelEvenWhenOpenedConcurrently() throws Exception {
        String waId = "9725" + System.nanoTime() % 100_000_000;
        List<Callable<UUID>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> chats.openOrGet(SYSTEM, Channel.WHATSAPP, Contact.external(waId)).id());
        }
        List<UUID> ids = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (Future<UUID> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
        }
        assertThat(ids).containsOnly(ids.get(0));
        UUID onTheWidget = chats.openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor(waId)).id();
        assertThat(onTheWidget).isNotEqualTo(ids.get(0));
        assertThat(chats.openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor(waId)).id()).isEqualTo(onTheWidget);
    }

    @Test
    void aRedeliveredProviderMessageIsStoredOnce() {
        Conversation c = chats.openOrGet(SYSTEM, Channel.WHATSAPP, Contact.external("972500000001").withName("Dana Levi"));

        Appended first = chats.receive(SYSTEM, c.id(), NewMessage.text("שלום").withProviderId("wamid.ABC"));
        Appended again = chats.receive(SYSTEM, c.id(), NewMessage.text("שלום").withProviderId("wamid.ABC"));

        assertThat(first.redelivery()).isFalse();
        assertThat(again.redelivery()).isTrue();
        assertThat(again.message()).isEqualTo(first.message());
        assertThat(chats.messagesAfter(SYSTEM, c.id(), 0, 100)).hasSize(1);
    }

    @Test
    void resumingAfterAMessageIdReturnsExactlyTheMissedMessagesInOrder() {
        Conversation c = chats.openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("resume-visitor"));
        ChatMessage seen = chats.receive(SYSTEM, c.id(), NewMessage.text("first")).message();
        // The client disconnects here; the conversation goes on without it.
        chats.send(SYSTEM, c.id(), ChatMessage.Sender.BOT, NewMessage.text("answer 1"));
        chats.receive(SYSTEM, c.id(), NewMessage.text("second"));
        chats.openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("someone-else"));
        chats.send(SYSTEM, c.id(), ChatMessage.Sender.BOT, NewMessage.text("answer 2"));

        List<ChatMessage> missed = chats.messagesAfter(SYSTEM, c.id(), seen.id(), 100);

        assertThat(missed).extracting(m -> m.body().orElseThrow()).containsExactly("answer 1", "second", "answer 2");
        assertThat(missed).extracting(ChatMessage::id).isSorted().allMatch(id -> id > seen.id());
        assertThat(chats.messagesAfter(SYSTEM, c.id(), missed.get(1).id(), 1))
                .extracting(m -> m.body().orElseThrow()).containsExactly("answer 2");
    }

    @Test
    void deliveryStatusNeverGoesBackwardsWhenUpdatesArriveOutOfOrder() {
        Conversation c = chats.openOrGet(SYSTEM, Channel.WHATSAPP, Contact.external("972500000002"));
        ChatMessage out = chats.send(SYSTEM, c.id(), ChatMessage.Sender.SYSTEM, NewMessage.text("תזכורת לשיעור"));
        assertThat(out.deliveryStatus()).contains(DeliveryStatus.PENDING);
        chats.markSent(SYSTEM, out.id(), "wamid.OUT1");

        assertThat(chats.updateDeliveryByProviderId(SYSTEM, "wamid.OUT1", DeliveryStatus.READ, null))
                .hasValueSatisfying(m -> assertThat(m.deliveryStatus()).contains(DeliveryStatus.READ));
        assertThat(chats.updateDeliveryByProviderId(SYSTEM, "wamid.OUT1", DeliveryStatus.DELIVERED, null))
                .hasValueSatisfying(m -> assertThat(m.deliveryStatus()).contains(DeliveryStatus.READ));
        assertThat(chats.updateDelivery(SYSTEM, out.id(), DeliveryStatus.SENT, null))
                .hasValueSatisfying(m -> assertThat(m.deliveryStatus()).contains(DeliveryStatus.READ));
        assertThat(chats.updateDelivery(SYSTEM, out.id(), DeliveryStatus.FAILED, "131047"))
                .hasValueSatisfying(m -> assertThat(m.error()).isEmpty());
        assertThat(chats.updateDeliveryByProviderId(SYSTEM, "wamid.UNKNOWN", DeliveryStatus.READ, null)).isEmpty();
    }

    @Test
    void aFailedSendKeepsItsErrorButALaterDeliveryWins() {
        Conversation c = chats.openOrGet(SYSTEM, Channel.WHATSAPP, Contact.external("972500000003"));
        ChatMessage out = chats.send(SYSTEM, c.id(), ChatMessage.Sender.SYSTEM, NewMessage.text("hello"));

        assertThat(chats.updateDelivery(SYSTEM, out.id(), DeliveryStatus.FAILED, "rate limited").orElseThrow().error())
                .contains("rate limited");
        assertThat(chats.updateDelivery(SYSTEM, out.id(), DeliveryStatus.DELIVERED, null).orElseThrow().deliveryStatus())
                .contains(DeliveryStatus.DELIVERED);
    }

    @Test
    void theVisitorWritingToAResolvedConversationReopensItWithTheBot() {
        SessionContext teacher = people.teacher();
        Conversation c = chats.openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("comes-back"));
        handoffs.takeOver(teacher, c.id());
        handoffs.resolve(teacher, c.id());

        chats.receive(SYSTEM, c.id(), NewMessage.text("עוד שאלה"));

        Conversation reopened = chats.find(SYSTEM, c.id()).orElseThrow();
        assertThat(reopened.state()).isEqualTo(ConversationState.BOT);
        assertThat(reopened.assigneeId()).isEmpty();
        assertThat(chats.openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("comes-back")).id()).isEqualTo(c.id());
    }

    @Test
    void aStudentCannotReadAnotherStudentsConversation() {
        SessionContext dana = people.student("Dana");
        SessionContext noa = people.student("Noa");
        Conversation danas = chats.openOrGet(dana, Channel.WEB, Contact.user(People.id(dana)));
        chats.receive(dana, danas.id(), NewMessage.text("my private question"));

        assertThat(chats.find(noa, danas.id())).isEmpty();
        assertThat(chats.messagesAfter(noa, danas.id(), 0, 100)).isEmpty();
        assertThat(test.database().<Integer, RuntimeException>inContext(noa,
                h -> h.createQuery("select count(*) from chat_messages").mapTo(int.class).one())).isZero();
        assertThatThrownBy(() -> chats.receive(noa, danas.id(), NewMessage.text("hi")))
                .isInstanceOf(ConversationNotFoundException.class);
        assertThat(chats.messagesAfter(dana, danas.id(), 0, 100)).hasSize(1);
        assertThatThrownBy(() -> chats.openOrGet(noa, Channel.WEB, Contact.user(People.id(dana))))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void internalNotesAreVisibleToStaffOnly() {
        SessionContext student = people.student("Yael");
        SessionContext teacher = people.teacher();
        Conversation c = chats.openOrGet(student, Channel.WEB, Contact.user(People.id(student)));
        chats.receive(student, c.id(), NewMessage.text("can I move my lesson?"));
        chats.addNote(teacher, c.id(), "she asked twice already");

        assertThat(chats.messagesAfter(teacher, c.id(), 0, 100)).extracting(ChatMessage::isNote).containsExactly(false, true);
        assertThat(chats.messagesAfter(student, c.id(), 0, 100)).noneMatch(ChatMessage::isNote).hasSize(1);
        assertThatThrownBy(() -> chats.addNote(student, c.id(), "sneaky")).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void unreadCountsFollowEachReadersMarker() {
        SessionContext teacher = people.teacher();
        Conversation c = chats.openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("unread-visitor"));
        handoffs.takeOver(teacher, c.id());
        ChatMessage one = chats.receive(SYSTEM, c.id(), NewMessage.text("1")).message();
        chats.receive(SYSTEM, c.id(), NewMessage.text("2"));
        chats.send(teacher, c.id(), ChatMessage.Sender.AGENT, NewMessage.text("reply"));
        ChatMessage three = chats.receive(SYSTEM, c.id(), NewMessage.text("3")).message();

        assertThat(chats.unreadCounts(teacher)).isEqualTo(Map.of(c.id(), 3L));
        chats.markRead(teacher, c.id(), one.id());
        assertThat(chats.unreadCounts(teacher)).isEqualTo(Map.of(c.id(), 2L));
        chats.markRead(teacher, c.id(), three.id());
        chats.markRead(teacher, c.id(), one.id());   // a stale tab does not make messages unread again
        assertThat(chats.unreadCounts(teacher)).isEmpty();
    }

    @Test
    void visitorMessagesCannotBeSentAsAgentByAStudent() {
        SessionContext student = people.student("Lior");
        Conversation c = chats.openOrGet(student, Channel.WEB, Contact.user(People.id(student)));
        assertThatThrownBy(() -> chats.send(student, c.id(), ChatMessage.Sender.AGENT, NewMessage.text("I am staff")))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> chats.send(SYSTEM, c.id(), ChatMessage.Sender.VISITOR, NewMessage.text("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClientPollingAfterItsLastIdMissesNothingWhileManyWritersAppend() throws Exception {
        Conversation c = chats.openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("busy-visitor"));
        int writers = 4;
        int each = 25;
        List<Long> seen = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        chats.receive(SYSTEM, c.id(), NewMessage.text(writer + ":" + i));
                    }
                }));
            }
            long last = 0;
            while (done.stream().anyMatch(f -> !f.isDone()) || seen.size() < writers * each) {
                for (ChatMessage m : chats.messagesAfter(SYSTEM, c.id(), last, 500)) {
                    seen.add(m.id());
                    last = m.id();
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(seen).hasSize(writers * each).doesNotHaveDuplicates().isSorted()
                .containsExactlyElementsOf(chats.messagesAfter(SYSTEM, c.id(), 0, 500).stream().map(ChatMessage::id).toList());
    }
}
