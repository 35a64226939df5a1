package il.co.voicely.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class QuickRepliesTest {

    private static final SessionContext SYSTEM = SessionContext.system();

    private final QuickReplies replies;
    private final Conversations chats;
    private final People people;

    QuickRepliesTest(TestDatabase test) {
        this.replies = new QuickReplies(test.database());
        this.chats = new Conversations(test.database(), Clock.systemUTC());
        this.people = new People(test);
    }

    @Test
    void aShortcutExpandsWithTheContactsName() {
        SessionContext teacher = people.teacher();
        replies.create(teacher, "/hi", "Greeting", "שלום {{first_name}}! ({{name}})", "he");
        Conversation c = chats.openOrGet(SYSTEM, Channel.WHATSAPP, Contact.external("972502222222").withName("Dana Levi"));

        assertThat(replies.expand(teacher, "/hi", c.id())).contains("שלום Dana! (Dana Levi)");
        assertThat(replies.expand(teacher, "/nothing", c.id())).isEmpty();
    }

    @Test
    void aSignedInStudentsNameComesFromTheirProfile() {
        SessionContext teacher = people.teacher();
        SessionContext student = people.student("Noa Cohen");
        replies.create(teacher, "welcome", null, "Hi {{first_name}}", "en");
        Conversation c = chats.openOrGet(student, Channel.WEB, Contact.user(People.id(student)));

        assertThat(replies.expand(teacher, "welcome", c.id())).contains("Hi Noa");
    }

    @Test
    void aMissingNameTakesTheFallbackOrStaysVisible() {
        assertThat(QuickReplies.expand("שלום {{first_name|חבר/ה}}, {{name}}", Map.of())).isEqualTo("שלום חבר/ה, {{name}}");
        assertThat(QuickReplies.expand("Hi {{ first_name | there }}", Map.of("first_name", "Dana"))).isEqualTo("Hi Dana");
        assertThat(QuickReplies.expand("$5 {{name}}", Map.of("name", "a$b\\c"))).isEqualTo("$5 a$b\\c");
    }

    @Test
    void quickRepliesAreCreatedListedUpdatedAndDeletedByUniqueShortcut() {
        SessionContext teacher = people.teacher();
        QuickReply price = replies.create(teacher, "price", "Prices", "שיעור ניסיון: 100 ₪", "he");
        replies.create(teacher, "prices-group", null, "קבוצה: 300 ₪", "he");

        assertThatThrownBy(() -> replies.create(teacher, "/price", null, "again", "he")).isInstanceOf(ShortcutTakenException.class);
        assertThat(replies.list(teacher, "/pri")).extracting(QuickReply::shortcut).containsExactly("price", "prices-group");
        assertThat(replies.update(teacher, price.id(), "trial", "Trial", "120 ₪")).hasValueSatisfying(r -> assertThat(r.body()).isEqualTo("120 ₪"));
        assertThat(replies.find(teacher, "/trial")).isPresent();
        assertThat(replies.delete(teacher, price.id())).isTrue();
        assertThat(replies.find(teacher, "trial")).isEmpty();
    }
}
