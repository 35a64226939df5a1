package il.co.voicely.integrations.whatsapp;

/** WhatsApp accepted a message: {@code messageId} ({@code wamid.…}) is what status webhooks refer to. */
public record SentMessage(String messageId, String waId) {
}
