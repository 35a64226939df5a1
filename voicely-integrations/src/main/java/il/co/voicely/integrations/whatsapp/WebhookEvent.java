package il.co.voicely.integrations.whatsapp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One event from a WhatsApp webhook delivery: a message a user sent, or a status change of a
 * message we sent. A single delivery may batch several ({@link WhatsAppWebhook#parse}).
 */
public sealed interface WebhookEvent {

    /** The business phone number the event concerns ({@code metadata.phone_number_id}). */
    String phoneNumberId();

    /** The {@code wamid.…} id: of the inbound message, or of our message whose status changed. */
    String messageId();

    Instant timestamp();

    /**
     * A message from a user. {@code from} is the sender's WhatsApp id (digits of the phone number);
     * {@code contextMessageId} is the message it replies to, e.g. the one whose button was tapped.
     */
    record InboundMessage(String phoneNumberId, String messageId, Instant timestamp, String from,
                          Optional<String> profileName, Optional<String> contextMessageId,
                          MessageContent content) implements WebhookEvent {
    }

    /** Our message {@code messageId} was sent, delivered, read or failed (then {@code errors} says why). */
    record StatusUpdate(String phoneNumberId, String messageId, Instant timestamp, Status status,
                        String recipientId, Optional<String> conversationId, Optional<String> pricingCategory,
                        List<ErrorDetail> errors) implements WebhookEvent {
        public StatusUpdate {
            errors = List.copyOf(errors);
        }
    }

    enum Status {
        SENT, DELIVERED, READ, FAILED,
        /** A status this library does not know yet (Meta adds some, e.g. {@code deleted}). */
        OTHER
    }

    /** An error Meta attached to a failed status or an unsupported message. */
    record ErrorDetail(int code, String title, Optional<String> message, Optional<String> details) {
    }
}
