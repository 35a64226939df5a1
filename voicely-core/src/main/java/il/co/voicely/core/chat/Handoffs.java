package il.co.voicely.core.chat;

import static il.co.voicely.core.chat.ChatRows.CONVERSATION_COLUMNS;
import static il.co.voicely.core.chat.ChatRows.utc;

import il.co.voicely.core.audit.AuditEntry;
import il.co.voicely.core.audit.AuditLog;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Who answers a conversation: the bot, or a person. The state machine:
 * <ul>
 *   <li>{@link #requestHuman}: {@code BOT → PENDING} (anyone who sees the conversation, e.g. the visitor)</li>
 *   <li>{@link #takeOver}, {@link #assign}: {@code BOT | PENDING | OPEN → OPEN} with an assignee</li>
 *   <li>{@link #handBack}: {@code PENDING | OPEN → BOT}, unassigned</li>
 *   <li>{@link #resolve}: {@code BOT | PENDING | OPEN → RESOLVED}</li>
 *   <li>the visitor writes again ({@link Conversations#receive}): {@code RESOLVED → BOT}</li>
 * </ul>
 * Anything else throws {@link InvalidTransitionException}; every step but the first is for staff.
 *
 * <pre>{@code
 * Handoffs handoffs = new Handoffs(db, audit, Clock.systemUTC());
 * handoffs.requestHuman(SessionContext.system(), id);   // the visitor pressed "talk to a person"
 * handoffs.takeOver(agent.context(), id);               // staff only, audited
 * if (handoffs.botMayReply(SessionContext.system(), id)) { ... }   // the assistant asks before answering
 * }</pre>
 *
 * <p>Once a person is involved (PENDING or OPEN) the bot stays silent until the conversation is handed
 * back or resolved; {@link Conversations#send} enforces the same rule. Staff actions are written to the
 * audit log and announced with a {@link ChatEvent.Kind#STATE} event, both in the changing transaction.
 */
public final class Handoffs {

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;

    public Handoffs(Database db, AuditLog audit, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether the assistant may answer now: only while the conversation is with the bot. An unknown or
     * invisible conversation gets {@code false}.
     */
    public boolean botMayReply(SessionContext context, UUID conversationId) {
        return db.inContext(context, h -> ChatRows.find(h, conversationId, false)
                .map(c -> c.state() == ConversationState.BOT).orElse(false));
    }

    /**
     * The visitor asks for a person ({@code BOT → PENDING}); anyone who sees the conversation may ask.
     * Asking again while waiting or served changes nothing.
     */
    public Conversation requestHuman(SessionContext context, UUID conversationId) {
        return db.inContext(context, h -> {
            Conversation c = lock(h, conversationId);
            if (c.state() == ConversationState.PENDING || c.state() == ConversationState.OPEN) {
                return c;
            }
            return move(h, context, c, EnumSet.of(ConversationState.BOT), ConversationState.PENDING,
                    c.assigneeId().orElse(null), "request a person", "chat.handoff_requested");
        });
    }

    /** The calling agent takes the conversation ({@code BOT | PENDING → OPEN}, or from another agent). */
    public Conversation takeOver(SessionContext context, UUID conversationId) {
        ChatRows.requireStaff(context, "taking over a conversation");
        UUID me = context.userId().orElseThrow(() -> new IllegalArgumentException("taking over needs a signed-in agent"));
        return db.inContext(context, h -> move(h, context, lock(h, conversationId),
                EnumSet.of(ConversationState.BOT, ConversationState.PENDING, ConversationState.OPEN),
                ConversationState.OPEN, me, "take over", "chat.taken_over"));
    }

    /** Gives the conversation to {@code agentId}, who must be a teacher or admin ({@code BOT | PENDING | OPEN → OPEN}). */
    public Conversation assign(SessionContext context, UUID conversationId, UUID agentId) {
        ChatRows.requireStaff(context, "assigning a conversation");
        Objects.requireNonNull(agentId, "agentId");
        return db.inContext(context, h -> {
            boolean staff = h.createQuery("select exists (select 1 from user_roles where user_id = :id and role in ('teacher', 'admin'))")
                    .bind("id", agentId).mapTo(boolean.class).one();
            if (!staff) {
                throw new IllegalArgumentException("user " + agentId + " is not a teacher or admin and cannot be assigned conversations");
            }
            return move(h, context, lock(h, conversationId),
                    EnumSet.of(ConversationState.BOT, ConversationState.PENDING, ConversationState.OPEN),
                    ConversationState.OPEN, agentId, "assign", "chat.assigned");
        });
    }

    /** Gives the conversation back to the bot ({@code PENDING | OPEN → BOT}) and unassigns it. */
    public Conversation handBack(SessionContext context, UUID conversationId) {
        ChatRows.requireStaff(context, "handing a conversation back to the bot");
        return db.inContext(context, h -> move(h, context, lock(h, conversationId),
                EnumSet.of(ConversationState.PENDING, ConversationState.OPEN), ConversationState.BOT, null,
                "hand back", "chat.handed_back"));
    }

    /** Closes the conversation ({@code BOT | PENDING | OPEN → RESOLVED}); the assignee stays for the record. */
    public Conversation resolve(SessionContext context, UUID conversationId) {
        ChatRows.requireStaff(context, "resolving a conversation");
        return db.inContext(context, h -> {
            Conversation c = lock(h, conversationId);
            return move(h, context, c, EnumSet.of(ConversationState.BOT, ConversationState.PENDING, ConversationState.OPEN),
                    ConversationState.RESOLVED, c.assigneeId().orElse(null), "resolve", "chat.resolved");
        });
    }

    private static Conversation lock(Handle h, UUID conversationId) {
        return ChatRows.find(h, conversationId, true).orElseThrow(() -> new ConversationNotFoundException(conversationId));
    }

    private Conversation move(Handle h, SessionContext context, Conversation c, Set<ConversationState> from,
                              ConversationState to, UUID assignee, String action, String auditAction) {
        if (!from.contains(c.state())) {
            throw new InvalidTransitionException(c.id(), c.state(), action);
        }
        Conversation moved = h.createQuery("""
                        update chat_sessions as s
                           set state = :state, assignee_id = :assignee,
                               resolved_at = case when :state = 'resolved' then :at else null end
                         where s.id = :id
                        returning\s""" + CONVERSATION_COLUMNS)
                .bind("state", to.sqlName())
                .bind("assignee", assignee)
                .bind("at", utc(clock.instant()))
                .bind("id", c.id())
                .map((rs, ctx) -> ChatRows.conversation(rs))
                .one();
        AuditEntry entry = AuditEntry.of(auditAction).actor(context.userId().orElse(null))
                .target("chat_session", c.id().toString())
                .detail("from", c.state().sqlName()).detail("to", to.sqlName());
        if (assignee != null) {
            entry = entry.detail("assignee", assignee.toString());
        }
        audit.append(h, entry);
        ChatEvents.publish(h, ChatEvent.state(c.id()));
        return moved;
    }
}
