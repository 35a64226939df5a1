package il.co.voicely.core.chat;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Tags on contacts: on a conversation, or on a lead (and so on all of the lead's conversations).
 * Staff only. Filter the inbox by tag with {@link InboxQuery#tag}.
 *
 * <pre>{@code
 * Tags tags = new Tags(db);
 * tags.tagConversation(agent.context(), conversationId, "hot");   // creates the tag on first use
 * }</pre>
 */
public final class Tags {

    private final Database db;

    public Tags(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The tag named {@code name}, created if missing; a given colour replaces the stored one. */
    public Tag define(SessionContext context, String name, String color) {
        ChatRows.requireStaff(context, "managing tags");
        return db.inContext(context, h -> upsert(h, name, color));
    }

    /** Every tag, by name. */
    public List<Tag> list(SessionContext context) {
        ChatRows.requireStaff(context, "managing tags");
        return db.inContext(context, h -> h.createQuery("select id, name, color from tags order by name")
                .map((rs, ctx) -> new Tag(rs.getObject("id", UUID.class), rs.getString("name"), Optional.ofNullable(rs.getString("color"))))
                .list());
    }

    /** Deletes the tag and takes it off every contact. */
    public void delete(SessionContext context, String name) {
        ChatRows.requireStaff(context, "managing tags");
        db.useContext(context, h -> h.createUpdate("delete from tags where name = :name").bind("name", name).execute());
    }

    /** Puts {@code tagName} on the conversation's contact; tagging twice is harmless. */
    public void tagConversation(SessionContext context, UUID conversationId, String tagName) {
        ChatRows.requireStaff(context, "tagging contacts");
        db.useContext(context, h -> {
            ChatRows.find(h, conversationId, false).orElseThrow(() -> new ConversationNotFoundException(conversationId));
            Tag tag = upsert(h, tagName, null);
            h.createUpdate("""
                            insert into contact_tags (tag_id, session_id, created_by) values (:tag, :session, :by)
                            on conflict (tag_id, session_id) do nothing""")
                    .bind("tag", tag.id()).bind("session", conversationId).bind("by", context.userId().orElse(null)).execute();
        });
    }

    /** Puts {@code tagName} on a lead; tagging twice is harmless. */
    public void tagLead(SessionContext context, UUID leadId, String tagName) {
        ChatRows.requireStaff(context, "tagging contacts");
        db.useContext(context, h -> {
            Tag tag = upsert(h, tagName, null);
            h.createUpdate("""
                            insert into contact_tags (tag_id, lead_id, created_by) values (:tag, :lead, :by)
                            on conflict (tag_id, lead_id) do nothing""")
                    .bind("tag", tag.id()).bind("lead", leadId).bind("by", context.userId().orElse(null)).execute();
        });
    }

    /** Takes {@code tagName} off the conversation (a tag on its lead stays). */
    public void untagConversation(SessionContext context, UUID conversationId, String tagName) {
        ChatRows.requireStaff(context, "tagging contacts");
        db.useContext(context, h -> h.createUpdate("""
                        delete from contact_tags ct using tags t
                         where t.id = ct.tag_id and t.name = :name and ct.session_id = :session""")
                .bind("name", tagName).bind("session", conversationId).execute());
    }

    /** The tags on the conversation and on its lead, by name. */
    public List<Tag> tagsOf(SessionContext context, UUID conversationId) {
        ChatRows.requireStaff(context, "tagging contacts");
        return db.inContext(context, h -> h.createQuery("""
                        select distinct t.id, t.name, t.color
                          from chat_sessions s
                          join contact_tags ct on ct.session_id = s.id or ct.lead_id = s.lead_id
                          join tags t on t.id = ct.tag_id
                         where s.id = :session
                         order by t.name""")
                .bind("session", conversationId)
                .map((rs, ctx) -> new Tag(rs.getObject("id", UUID.class), rs.getString("name"), Optional.ofNullable(rs.getString("color"))))
                .list());
    }

    private static Tag upsert(Handle h, String name, String color) {
        String clean = Objects.requireNonNull(name, "name").strip();
        if (clean.isEmpty() || clean.length() > 60) {
            throw new IllegalArgumentException("a tag name must be 1–60 characters: '" + name + "'");
        }
        if (color != null && !color.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("a tag colour is #rrggbb: '" + color + "'");
        }
        return h.createQuery("""
                        insert into tags (name, color) values (:name, :color)
                        on conflict (name) do update set color = coalesce(excluded.color, tags.color)
                        returning id, name, color""")
                .bind("name", clean).bind("color", color)
                .map((rs, ctx) -> new Tag(rs.getObject("id", UUID.class), rs.getString("name"), Optional.ofNullable(rs.getString("color"))))
                .one();
    }
}
