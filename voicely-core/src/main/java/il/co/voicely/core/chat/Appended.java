package il.co.voicely.core.chat;

/**
 * The outcome of receiving a message.
 *
 * @param redelivery true when the provider message id was already stored: {@code message} is the stored
 *                   one and nothing was written, so the caller should not answer it again
 */
public record Appended(ChatMessage message, boolean redelivery) {
}
