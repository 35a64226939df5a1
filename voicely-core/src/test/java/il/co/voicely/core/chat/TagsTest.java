package il.co.voicely.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class TagsTest {

    private static final SessionContext SYSTEM = SessionContext.system();

    private final TestDatabase test;
    private final Inbox inbox;
    private final Tags tags;
    private final Conversations chats;
    private final People people;

    TagsTest(TestDatabase test) {
        this.test = test;
        this.inbox = new Inbox(test.database());
        this.tags = new Tags(test.database());
        this.chats = new Conversations(test.database(), Clock.systemUTC());
        this.people = new People(test);
    }

    @Test
    void tagsOnALeadApplyToItsConversations() {
        SessionContext teacher = people.teacher();
        Conversation c = chats.openOrGet(SYSTEM, Channel.WIDGET, Contact.visitor("lead-visitor"));
        UUID lead = test.owner().withHandle(h -> {
            UUID id = h.createQuery("insert into leads (name, visitor_key) values ('Rina', 'lead-visitor') returning id")
                    .mapTo(UUID.class).one();
            h.execute("update chat_sessions set lead_id = ? where id = ?", id, c.id());
            return id;
        });
        tags.define(teacher, "parent", "#e11d48");
        tags.tagLead(teacher, lead, "parent");
        tags.tagConversation(teacher, c.id(), "cold");

        assertThat(tags.tagsOf(teacher, c.id())).extracting(Tag::name).containsExactly("cold", "parent");
        assertThat(inbox.list(teacher, InboxQuery.live().tag("parent")).items()).extracting(i -> i.conversation().id()).containsExactly(c.id());
        tags.untagConversation(teacher, c.id(), "cold");
        assertThat(tags.tagsOf(teacher, c.id())).extracting(Tag::name).containsExactly("parent");
        assertThat(tags.list(teacher)).filteredOn(t -> t.name().equals("parent")).singleElement()
                .satisfies(t -> assertThat(t.color()).contains("#e11d48"));
    }
}
