/**
 * Cal.com API v2: {@link il.co.voicely.integrations.calcom.CalComClient} for event types, slots and
 * bookings; {@link il.co.voicely.integrations.calcom.CalComWebhook} verifies and parses booking webhooks
 * into {@link il.co.voicely.integrations.calcom.CalComEvent}s.
 */
package il.co.voicely.integrations.calcom;
