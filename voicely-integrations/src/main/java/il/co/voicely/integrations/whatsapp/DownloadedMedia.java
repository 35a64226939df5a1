package il.co.voicely.integrations.whatsapp;

/** A media file fetched from WhatsApp, e.g. an inbound voice note. */
public record DownloadedMedia(String mediaId, String mimeType, byte[] bytes) {
}
