/**
 * WhatsApp Business Cloud API (Graph API v23.0): {@link il.co.voicely.integrations.whatsapp.WhatsAppClient}
 * sends {@link il.co.voicely.integrations.whatsapp.OutboundMessage}s and handles media;
 * {@link il.co.voicely.integrations.whatsapp.WhatsAppWebhook} verifies and parses what Meta posts back into
 * {@link il.co.voicely.integrations.whatsapp.WebhookEvent}s.
 */
package il.co.voicely.integrations.whatsapp;
