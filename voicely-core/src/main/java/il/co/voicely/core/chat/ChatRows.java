package il.co.voicely.core.chat;

import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.PermissionDeniedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Column lists, row mappers and the staff check the chat classes share. */
final class ChatRows {

    static final String CONVERSATION_COLUMNS = """
            s.id, s.channel, s.state, s.user_id, s.visitor_key, s.external_contact_id, s.contact_name,
            s.contact_phone, s.contact_email, s.locale, s.assignee_id, s.lead_id, s.created_at, s.last_message_at
            """;

    static final String MESSAGE_COLUMNS = """
            m.id, m.session_id, m.direction, m.sender_type, m.sender_user_id, m.message_type, m.body,
            m.payload::text as payload, m.provider_message_id, m.delivery_status, m.error, m.created_at
            """;

    private ChatRows() {
    }

    static Conversation conversation(ResultSet rs) throws SQLException {
        Contact contact = new Contact(
                Optional.ofNullable(rs.getObject("user_id", UUID.class)),
                Optional.ofNullable(rs.getString("visitor_key")),
                Optional.ofNullable(rs.getString("external_contact_id")),
                Optional.ofNullable(rs.getString("contact_name")),
                Optional.ofNullable(rs.getString("contact_phone")),
                Optional.ofNullable(rs.getString("contact_email")));
        OffsetDateTime last = rs.getObject("last_message_at", OffsetDateTime.class);
        Instant created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        return new Conversation(
                rs.getObject("id", UUID.class),
                Channel.fromSql(rs.getString("channel")),
                ConversationState.fromSql(rs.getString("state")),
                contact,
                Optional.ofNullable(rs.getObject("assignee_id", UUID.class)),
                Optional.ofNullable(rs.getObject("lead_id", UUID.class)),
                rs.getString("locale"),
                created,
                last == null ? created : last.toInstant());
    }

    static ChatMessage message(ResultSet rs) throws SQLException {
        String status = rs.getString("delivery_status");
        return new ChatMessage(
                rs.getLong("id"),
                rs.getObject("session_id", UUID.class),
                ChatMessage.Direction.fromSql(rs.getString("direction")),
                ChatMessage.Sender.fromSql(rs.getString("sender_type")),
                Optional.ofNullable(rs.getObject("sender_user_id", UUID.class)),
                ChatMessage.Type.fromSql(rs.getString("message_type")),
                Optional.ofNullable(rs.getString("body")),
                rs.getString("payload"),
                Optional.ofNullable(rs.getString("provider_message_id")),
                Optional.ofNullable(status).map(DeliveryStatus::fromSql),
                Optional.ofNullable(rs.getString("error")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static Optional<Conversation> find(Handle h, UUID id, boolean forUpdate) {
        return h.createQuery("select " + CONVERSATION_COLUMNS + " from chat_sessions s where s.id = :id"
                        + (forUpdate ? " for update" : ""))
                .bind("id", id)
                .map((rs, ctx) -> conversation(rs))
                .findOne();
    }

    static boolean isStaff(SessionContext context) {
        return context.role() == Role.TEACHER || context.role() == Role.ADMIN || context.role() == Role.SYSTEM;
    }

    /** Staff-only operations fail loudly instead of quietly matching no rows. */
    static void requireStaff(SessionContext context, String what) {
        if (!isStaff(context)) {
            throw new PermissionDeniedException(context.userId().orElse(null), "chat.staff", what + " is for teachers and admins");
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
