package il.co.voicely.core.chat;

import static il.co.voicely.core.chat.ChatRows.CONVERSATION_COLUMNS;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.sql.Array;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The agents' inbox across channels: filters, paging, most recent activity first. Staff only.
 *
 * <pre>{@code
 * InboxPage waiting = new Inbox(db).list(agent.context(), InboxQuery.live().state(ConversationState.PENDING));
 * }</pre>
 */
public final class Inbox {

    private static final String FILTER = """
            from chat_sessions s
            where (case when cast(:state as text) is null then s.state <> 'resolved' else s.state = cast(:state as text) end)
              and (not :mine or s.assignee_id = :me)
              and (not :unassigned or s.assignee_id is null)
              and (cast(:channel as text) is null or s.channel = cast(:channel as text))
              and (cast(:tag as text) is null or exists (
                    select 1 from contact_tags ct join tags t on t.id = ct.tag_id
                     where t.name = cast(:tag as text) and (ct.session_id = s.id or ct.lead_id = s.lead_id)))
            """;

    private final Database db;

    public Inbox(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** One page of conversations matching {@code query}, with previews, the caller's unread counts and tags. */
    public InboxPage list(SessionContext context, InboxQuery query) {
        ChatRows.requireStaff(context, "the inbox");
        Objects.requireNonNull(query, "query");
        Map<String, Object> params = new HashMap<>();
        params.put("state", query.state().map(ConversationState::sqlName).orElse(null));
        params.put("mine", query.onlyMine());
        params.put("unassigned", query.onlyUnassigned());
        params.put("me", context.userId().orElse(null));
        params.put("channel", query.channel().map(Channel::sqlName).orElse(null));
        params.put("tag", query.tag().orElse(null));
        return db.inContext(context, h -> {
            long total = h.createQuery("select count(*) " + FILTER).bindMap(params).mapTo(long.class).one();
            List<InboxItem> items = h.createQuery("select " + CONVERSATION_COLUMNS + """
                            , (select m.body from chat_messages m
                                where m.session_id = s.id and m.message_type <> 'note'
                                order by m.id desc limit 1) as last_body
                            , (select count(*) from chat_messages m
                                where m.session_id = s.id and m.direction = 'inbound'
                                  and m.id > coalesce((select r.last_read_message_id from chat_read_markers r
                                                        where r.session_id = s.id and r.user_id = :me), 0)) as unread
                            , array(select t.name from contact_tags ct join tags t on t.id = ct.tag_id
                                     where ct.session_id = s.id or ct.lead_id = s.lead_id
                                     order by t.name) as tag_names
                            """ + FILTER + " order by s.last_message_at desc nulls last, s.id limit :limit offset :offset")
                    .bindMap(params)
                    .bind("limit", query.pageSize())
                    .bind("offset", (long) (query.page() - 1) * query.pageSize())
                    .map((rs, ctx) -> {
                        Array tags = rs.getArray("tag_names");
                        return new InboxItem(ChatRows.conversation(rs), Optional.ofNullable(rs.getString("last_body")),
                                rs.getLong("unread"), Arrays.asList((String[]) tags.getArray()));
                    })
                    .list();
            return new InboxPage(items, total, query.page(), query.pageSize());
        });
    }
}
