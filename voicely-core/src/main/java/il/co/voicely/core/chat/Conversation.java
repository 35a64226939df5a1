package il.co.voicely.core.chat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One conversation with one contact on one channel.
 *
 * @param assigneeId    the agent who has it (state {@code OPEN})
 * @param lastMessageAt the inbox orders by it; set at creation, so never empty in practice
 */
public record Conversation(UUID id, Channel channel, ConversationState state, Contact contact,
                           Optional<UUID> assigneeId, Optional<UUID> leadId, String locale,
                           Instant createdAt, Instant lastMessageAt) {
}
