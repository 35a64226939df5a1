package il.co.voicely.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.PermissionDeniedException;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class InboxTest {

    private static final SessionContext SYSTEM = SessionContext.system();
    private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

    private final TestDatabase test;
    private final Inbox inbox;
    private final Tags tags;
    private final Handoffs handoffs;
    private final People people;

    InboxTest(TestDatabase test) {
        this.test = test;
        this.inbox = new Inbox(test.database());
        this.tags = new Tags(test.database());
        this.handoffs = new Handoffs(test.database(), new AuditLog(test.database(), Clock.systemUTC()), Clock.systemUTC());
        this.people = new People(test);
    }

    private Conversations at(int minutes) {
        return new Conversations(test.database(), Clock.fixed(T0.plusSeconds(60L * minutes), ZoneOffset.UTC));
    }

    @Test
    void theInboxFiltersByAssigneeStateChannelAndTagNewestActivityFirst() {
        SessionContext me = people.teacher();
        SessionContext colleague = people.teacher();
        Conversation whatsapp = at(0).openOrGet(SYSTEM, Channel.WHATSAPP, Contact.external("972501111111").withName("Dana"));
        Conversation waiting = at(1).openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("inbox-waiting"));
        Conversation mine = at(2).openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("inbox-mine"));
        Conversation theirs = at(3).openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("inbox-theirs"));
        Conversation closed = at(4).openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("inbox-closed"));
        at(10).receive(SYSTEM, whatsapp.id(), NewMessage.text("מה המחיר?"));
        handoffs.requestHuman(SYSTEM, waiting.id());
        handoffs.takeOver(me, mine.id());
        handoffs.takeOver(colleague, theirs.id());
        handoffs.resolve(me, closed.id());
        tags.tagConversation(me, whatsapp.id(), "hot");
        tags.tagConversation(me, mine.id(), "hot");

        InboxPage live = inbox.list(me, InboxQuery.live());
        assertThat(live.items()).extracting(i -> i.conversation().id())
                .containsExactly(whatsapp.id(), theirs.id(), mine.id(), waiting.id());
        assertThat(live.items().get(0).lastMessage()).contains("מה המחיר?");
        assertThat(live.items().get(0).unread()).isEqualTo(1);
        assertThat(live.items().get(0).tags()).containsExactly("hot");

        assertThat(ids(inbox.list(me, InboxQuery.live().mine()))).containsExactly(mine.id());
        assertThat(ids(inbox.list(me, InboxQuery.live().unassigned()))).containsExactly(whatsapp.id(), waiting.id());
        assertThat(ids(inbox.list(me, InboxQuery.live().state(ConversationState.PENDING)))).containsExactly(waiting.id());
        assertThat(ids(inbox.list(me, InboxQuery.live().channel(Channel.WHATSAPP)))).containsExactly(whatsapp.id());
        assertThat(ids(inbox.list(me, InboxQuery.live().tag("hot")))).containsExactly(whatsapp.id(), mine.id());
        assertThat(ids(inbox.list(me, InboxQuery.live().state(ConversationState.RESOLVED)))).containsExactly(closed.id());

        InboxPage second = inbox.list(me, InboxQuery.live().page(2, 3));
        assertThat(second.total()).isEqualTo(4);
        assertThat(ids(second)).containsExactly(waiting.id());
    }

    @Test
    void studentsHaveNoInbox() {
        assertThatThrownBy(() -> inbox.list(people.student("Dana"), InboxQuery.live())).isInstanceOf(PermissionDeniedException.class);
    }

    private static java.util.List<java.util.UUID> ids(InboxPage page) {
        return page.items().stream().map(i -> i.conversation().id()).toList();
    }
}
