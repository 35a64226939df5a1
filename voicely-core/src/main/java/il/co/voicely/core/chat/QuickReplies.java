package il.co.voicely.core.chat;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Canned responses for agents, found by {@code /shortcut} and filled in for a conversation's contact.
 * Staff only.
 *
 * <pre>{@code
 * QuickReplies replies = new QuickReplies(db);
 * replies.create(agent.context(), "hi", "Greeting", "שלום {{first_name|}}, איך אפשר לעזור?", "he");
 * String text = replies.expand(agent.context(), "/hi", conversationId).orElseThrow();  // "שלום דנה, איך…"
 * }</pre>
 */
public final class QuickReplies {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*(?:\\|([^}]*))?}}");
    private static final Pattern SHORTCUT = Pattern.compile("\\S{1,50}");
    private static final String COLUMNS = "id, shortcut, title, body, locale";

    private final Database db;

    public QuickReplies(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Adds a quick reply. {@code shortcut} may be given with or without its leading slash.
     *
     * @throws ShortcutTakenException when another reply has the shortcut
     */
    public QuickReply create(SessionContext context, String shortcut, String title, String body, String locale) {
        ChatRows.requireStaff(context, "managing quick replies");
        String key = shortcut(shortcut);
        requireBody(body);
        try {
            return db.inContext(context, h -> h.createQuery("insert into quick_replies (shortcut, title, body, locale, created_by)"
                            + " values (:shortcut, :title, :body, :locale, :by) returning " + COLUMNS)
                    .bind("shortcut", key).bind("title", title).bind("body", body)
                    .bind("locale", locale == null ? "he" : locale).bind("by", context.userId().orElse(null))
                    .map((rs, ctx) -> row(rs)).one());
        } catch (UnableToExecuteStatementException e) {
            throw uniqueViolation(e) ? new ShortcutTakenException(key) : e;
        }
    }

    /** Changes a reply's shortcut, title and body; empty when there is no such reply. */
    public Optional<QuickReply> update(SessionContext context, UUID id, String shortcut, String title, String body) {
        ChatRows.requireStaff(context, "managing quick replies");
        String key = shortcut(shortcut);
        requireBody(body);
        try {
            return db.inContext(context, h -> h.createQuery("update quick_replies set shortcut = :shortcut, title = :title, body = :body"
                            + " where id = :id returning " + COLUMNS)
                    .bind("shortcut", key).bind("title", title).bind("body", body).bind("id", id)
                    .map((rs, ctx) -> row(rs)).findOne());
        } catch (UnableToExecuteStatementException e) {
            throw uniqueViolation(e) ? new ShortcutTakenException(key) : e;
        }
    }

    /** Deletes a reply; returns whether it existed. */
    public boolean delete(SessionContext context, UUID id) {
        ChatRows.requireStaff(context, "managing quick replies");
        return db.inContext(context, h -> h.createUpdate("delete from quick_replies where id = :id").bind("id", id).execute() > 0);
    }

    /** Every reply by shortcut; with a {@code prefix} (as typed after {@code /}) only those starting with it. */
    public List<QuickReply> list(SessionContext context, String prefix) {
        ChatRows.requireStaff(context, "managing quick replies");
        String p = prefix == null ? "" : prefix.startsWith("/") ? prefix.substring(1) : prefix;
        return db.inContext(context, h -> h.createQuery("select " + COLUMNS
                        + " from quick_replies where starts_with(shortcut, :prefix) order by shortcut")
                .bind("prefix", p).map((rs, ctx) -> row(rs)).list());
    }

    /** The reply with this shortcut ({@code /hi} or {@code hi}). */
    public Optional<QuickReply> find(SessionContext context, String shortcut) {
        ChatRows.requireStaff(context, "managing quick replies");
        String key = shortcut(shortcut);
        return db.inContext(context, h -> h.createQuery("select " + COLUMNS + " from quick_replies where shortcut = :s")
                .bind("s", key).map((rs, ctx) -> row(rs)).findOne());
    }

    /**
     * The reply for {@code shortcut} with its variables filled from the conversation's contact: the
     * conversation's contact name, else the linked user's display name, else the lead's name.
     *
     * @throws ConversationNotFoundException when the caller cannot see the conversation
     */
    public Optional<String> expand(SessionContext context, String shortcut, UUID conversationId) {
        Optional<QuickReply> reply = find(context, shortcut);
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> name = db.inContext(context, h -> h.createQuery("""
                        select coalesce(nullif(s.contact_name, ''), p.display_name, l.name) as name
                          from chat_sessions s
                          left join profiles p on p.user_id = s.user_id
                          left join leads l on l.id = s.lead_id
                         where s.id = :id""")
                .bind("id", conversationId).map((rs, ctx) -> Optional.ofNullable(rs.getString("name"))).findOne())
                .orElseThrow(() -> new ConversationNotFoundException(conversationId));
        Map<String, String> vars = new java.util.HashMap<>();
        name.map(String::strip).filter(n -> !n.isEmpty()).ifPresent(n -> {
            vars.put("name", n);
            vars.put("first_name", n.split("\\s+", 2)[0]);
        });
        return Optional.of(expand(reply.get().body(), vars));
    }

    /**
     * Fills {@code {{variable}}} and {@code {{variable|fallback}}} in {@code body}. A variable without a
     * value takes its fallback, or stays as written when it has none, so the agent sees what is missing.
     */
    public static String expand(String body, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            String replacement = value != null ? value : m.group(2) != null ? m.group(2) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String shortcut(String shortcut) {
        String key = Objects.requireNonNull(shortcut, "shortcut").startsWith("/") ? shortcut.substring(1) : shortcut;
        if (!SHORTCUT.matcher(key).matches()) {
            throw new IllegalArgumentException("a shortcut is 1–50 characters without spaces: '" + shortcut + "'");
        }
        return key;
    }

    private static void requireBody(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("a quick reply needs a body");
        }
    }

    private static boolean uniqueViolation(UnableToExecuteStatementException e) {
        return e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState());
    }

    private static QuickReply row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new QuickReply(rs.getObject("id", UUID.class), rs.getString("shortcut"),
                Optional.ofNullable(rs.getString("title")), rs.getString("body"), rs.getString("locale"));
    }
}
