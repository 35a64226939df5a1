package il.co.voicely.app.webhooks;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * WhatsApp allows a free-form message only within 24 hours of the contact's last message (the customer
 * service window); after that only an approved template may open the conversation again. The chat UI
 * shows {@link #MESSAGE_KEY} (both bundles) rather than this exception's English message.
 */
public final class CustomerServiceWindowClosedException extends RuntimeException {

    /** The message bundles' text for people. */
    public static final String MESSAGE_KEY = "integrations.whatsapp.window-closed";

    private final UUID conversationId;
    private final Optional<Instant> lastInboundAt;

    CustomerServiceWindowClosedException(UUID conversationId, Optional<Instant> lastInboundAt) {
        super("WhatsApp conversation " + conversationId + ": the 24-hour customer-service window is closed (last message from the contact: "
                + lastInboundAt.map(Instant::toString).orElse("never") + "); only a template can be sent");
        this.conversationId = conversationId;
        this.lastInboundAt = lastInboundAt;
    }

    public UUID conversationId() {
        return conversationId;
    }

    /** When the contact last wrote; empty when they never did. */
    public Optional<Instant> lastInboundAt() {
        return lastInboundAt;
    }
}
