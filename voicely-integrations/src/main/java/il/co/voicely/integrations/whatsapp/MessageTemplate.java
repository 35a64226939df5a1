package il.co.voicely.integrations.whatsapp;

/** A template of the business account, as listed by {@link WhatsAppClient#listTemplates()}. */
public record MessageTemplate(String id, String name, String language, String status, String category) {
}
