package il.co.voicely.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.PermissionDeniedException;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class HandoffsTest {

    private static final SessionContext SYSTEM = SessionContext.system();

    private final TestDatabase test;
    private final Conversations chats;
    private final Handoffs handoffs;
    private final People people;

    HandoffsTest(TestDatabase test) {
        this.test = test;
        this.chats = new Conversations(test.database(), Clock.systemUTC());
        this.handoffs = new Handoffs(test.database(), new AuditLog(test.database(), Clock.systemUTC()), Clock.systemUTC());
        this.people = new People(test);
    }

    private Conversation newConversation() {
        return chats.openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("v-" + UUID.randomUUID()));
    }

    @Test
    void theBotStaysSilentFromTakeoverUntilHandedBack() {
        SessionContext teacher = people.teacher();
        Conversation c = newConversation();
        assertThat(handoffs.botMayReply(SYSTEM, c.id())).isTrue();

        handoffs.requestHuman(SYSTEM, c.id());
        assertThat(handoffs.botMayReply(SYSTEM, c.id())).isFalse();
        Conversation taken = handoffs.takeOver(teacher, c.id());
        assertThat(taken.state()).isEqualTo(ConversationState.OPEN);
        assertThat(taken.assigneeId()).contains(People.id(teacher));
        assertThat(handoffs.botMayReply(SYSTEM, c.id())).isFalse();
        assertThatThrownBy(() -> chats.send(SYSTEM, c.id(), ChatMessage.Sender.BOT, NewMessage.text("I can help!")))
                .isInstanceOf(BotSilencedException.class);
        chats.send(teacher, c.id(), ChatMessage.Sender.AGENT, NewMessage.text("היי, כאן המורה"));

        Conversation back = handoffs.handBack(teacher, c.id());
        assertThat(back.state()).isEqualTo(ConversationState.BOT);
        assertThat(back.assigneeId()).isEmpty();
        assertThat(handoffs.botMayReply(SYSTEM, c.id())).isTrue();
        chats.send(SYSTEM, c.id(), ChatMessage.Sender.BOT, NewMessage.text("I am back"));
        assertThat(chats.messagesAfter(SYSTEM, c.id(), 0, 10)).extracting(ChatMessage::sender)
                .containsExactly(ChatMessage.Sender.AGENT, ChatMessage.Sender.BOT);
    }

    @Test
    void invalidTransitionsAreRejectedWithTheStateTheyMet() {
        SessionContext teacher = people.teacher();
        Conversation c = newConversation();

        assertThatThrownBy(() -> handoffs.handBack(teacher, c.id()))
                .isInstanceOfSatisfying(InvalidTransitionException.class, e -> assertThat(e.from()).isEqualTo(ConversationState.BOT));
        handoffs.resolve(teacher, c.id());
        assertThatThrownBy(() -> handoffs.resolve(teacher, c.id()))
                .isInstanceOfSatisfying(InvalidTransitionException.class, e -> assertThat(e.from()).isEqualTo(ConversationState.RESOLVED));
        assertThatThrownBy(() -> handoffs.takeOver(teacher, c.id())).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> handoffs.requestHuman(SYSTEM, c.id())).isInstanceOf(InvalidTransitionException.class);
        assertThat(handoffs.botMayReply(SYSTEM, c.id())).as("resolved: nobody answers").isFalse();
        assertThatThrownBy(() -> handoffs.takeOver(teacher, UUID.randomUUID())).isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void askingForAPersonTwiceChangesNothing() {
        Conversation c = newConversation();
        handoffs.requestHuman(SYSTEM, c.id());
        assertThat(handoffs.requestHuman(SYSTEM, c.id()).state()).isEqualTo(ConversationState.PENDING);
    }

    @Test
    void onlyStaffTakeOverAssignHandBackOrResolve() {
        SessionContext student = people.student("Dana");
        Conversation own = chats.openOrGet(student, Channel.WEB, Contact.user(People.id(student)));

        handoffs.requestHuman(student, own.id());   // a student may ask for a person in their own chat
        assertThatThrownBy(() -> handoffs.takeOver(student, own.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> handoffs.resolve(student, own.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> handoffs.handBack(student, own.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> handoffs.assign(student, own.id(), People.id(student))).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void conversationsAreAssignedOnlyToStaffAndEveryStepIsAudited() {
        SessionContext admin = people.admin();
        SessionContext teacher = people.teacher();
        SessionContext student = people.student("Noa");
        Conversation c = newConversation();

        assertThatThrownBy(() -> handoffs.assign(admin, c.id(), People.id(student))).isInstanceOf(IllegalArgumentException.class);
        assertThat(handoffs.assign(admin, c.id(), People.id(teacher)).assigneeId()).contains(People.id(teacher));
        handoffs.resolve(teacher, c.id());

        List<String> actions = test.owner().withHandle(h -> h.createQuery(
                        "select action from audit_log where target_type = 'chat_session' and target_id = :id order by id")
                .bind("id", c.id().toString()).mapTo(String.class).list());
        assertThat(actions).containsExactly("chat.assigned", "chat.resolved");
    }
}
