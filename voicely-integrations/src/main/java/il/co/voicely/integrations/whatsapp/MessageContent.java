package il.co.voicely.integrations.whatsapp;

import java.util.List;
import java.util.Optional;

/** What an {@link WebhookEvent.InboundMessage} carries, by WhatsApp message {@code type}. */
public sealed interface MessageContent {

    record Text(String body) implements MessageContent {
    }

    /**
     * Audio; {@code voice} is true for a voice note recorded in WhatsApp ({@code audio/ogg; codecs=opus}).
     * Fetch the bytes with {@link WhatsAppClient#downloadMedia(String)}.
     */
    record Audio(String mediaId, String mimeType, Optional<String> sha256, boolean voice) implements MessageContent {
    }

    record Image(String mediaId, String mimeType, Optional<String> sha256, Optional<String> caption)
            implements MessageContent {
    }

    record Document(String mediaId, String mimeType, Optional<String> sha256, Optional<String> filename,
                    Optional<String> caption) implements MessageContent {
    }

    /** The user tapped a reply button of an interactive message. */
    record ButtonReply(String id, String title) implements MessageContent {
    }

    /** The user picked a row of an interactive list. */
    record ListReply(String id, String title, Optional<String> description) implements MessageContent {
    }

    /** The user tapped a quick-reply button of a template; {@code payload} is what we set when sending. */
    record TemplateButtonReply(String payload, String text) implements MessageContent {
    }

    /** A reaction to {@code reactedMessageId}; an empty emoji means the reaction was removed. */
    record Reaction(String reactedMessageId, String emoji) implements MessageContent {
    }

    /** A type this library does not model ({@code unsupported}, {@code video}, {@code location}, …). */
    record Unsupported(String type, List<WebhookEvent.ErrorDetail> errors) implements MessageContent {
        public Unsupported {
            errors = List.copyOf(errors);
        }
    }
}
