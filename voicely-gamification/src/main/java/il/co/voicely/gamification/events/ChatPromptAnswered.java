package il.co.voicely.gamification.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The student answered a practice prompt sent in a chat (web or WhatsApp). Type {@value #TYPE}. */
public record ChatPromptAnswered(UUID eventId, UUID userId, Instant occurredAt, String promptId) implements GamificationEvent {

    public static final String TYPE = "chat.prompt.answered";

    public ChatPromptAnswered {
        Events.requireIdentity(eventId, userId, occurredAt);
        Objects.requireNonNull(promptId, "promptId");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("promptId", promptId);
    }
}
