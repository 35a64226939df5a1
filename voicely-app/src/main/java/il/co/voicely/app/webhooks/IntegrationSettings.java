package il.co.voicely.app.webhooks;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How the app reaches WhatsApp (Meta's Cloud API) and Cal.com, and the secrets their webhooks are signed
 * with. An absent webhook secret switches that webhook off (it answers 503): an unsigned endpoint would let
 * anyone inject messages and bookings.
 *
 * @param whatsappAppSecret     the Meta app secret: {@code X-Hub-Signature-256} is an HMAC with it
 * @param whatsappVerifyToken   answered back in Meta's subscription handshake ({@code GET /webhooks/whatsapp})
 * @param whatsappAccessToken   the Cloud API bearer token for sending
 * @param whatsappPhoneNumberId the business phone number messages are sent from
 * @param whatsappApiBase       the Graph API base; tests and staging point it elsewhere
 * @param calcomApiKey          the Cal.com API v2 key
 * @param calcomWebhookSecret   the secret {@code X-Cal-Signature-256} is an HMAC with
 * @param calcomApiBase         the Cal.com API base
 */
public record IntegrationSettings(Optional<String> whatsappAppSecret, Optional<String> whatsappVerifyToken,
                                  Optional<String> whatsappAccessToken, Optional<String> whatsappPhoneNumberId,
                                  URI whatsappApiBase, Optional<String> calcomApiKey,
                                  Optional<String> calcomWebhookSecret, URI calcomApiBase) {

    /** Meta's Graph API. */
    public static final URI WHATSAPP_API = URI.create("https://graph.facebook.com");
    /** Cal.com's hosted API. */
    public static final URI CALCOM_API = URI.create("https://api.cal.com");

    public IntegrationSettings {
        Objects.requireNonNull(whatsappAppSecret, "whatsappAppSecret");
        Objects.requireNonNull(whatsappVerifyToken, "whatsappVerifyToken");
        Objects.requireNonNull(whatsappAccessToken, "whatsappAccessToken");
        Objects.requireNonNull(whatsappPhoneNumberId, "whatsappPhoneNumberId");
        Objects.requireNonNull(whatsappApiBase, "whatsappApiBase");
        Objects.requireNonNull(calcomApiKey, "calcomApiKey");
        Objects.requireNonNull(calcomWebhookSecret, "calcomWebhookSecret");
        Objects.requireNonNull(calcomApiBase, "calcomApiBase");
    }

    /** Nothing configured: both webhooks off, the API bases the real services. */
    public static IntegrationSettings none() {
        return new IntegrationSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), WHATSAPP_API,
                Optional.empty(), Optional.empty(), CALCOM_API);
    }

    /** The same with WhatsApp configured (tests point {@code apiBase} at WireMock). */
    public IntegrationSettings withWhatsApp(String appSecret, String verifyToken, String accessToken, String phoneNumberId,
                                            URI apiBase) {
        return new IntegrationSettings(Optional.of(appSecret), Optional.of(verifyToken), Optional.of(accessToken),
                Optional.of(phoneNumberId), apiBase, calcomApiKey, calcomWebhookSecret, calcomApiBase);
    }

    /** The same with Cal.com configured. */
    public IntegrationSettings withCalCom(String apiKey, String webhookSecret, URI apiBase) {
        return new IntegrationSettings(whatsappAppSecret, whatsappVerifyToken, whatsappAccessToken, whatsappPhoneNumberId,
                whatsappApiBase, Optional.of(apiKey), Optional.of(webhookSecret), apiBase);
    }

    /** Keeps the secrets out of logs. */
    @Override
    public String toString() {
        return "IntegrationSettings[whatsapp=" + (whatsappAppSecret.isPresent() ? "webhook on" : "webhook off") + " via " + whatsappApiBase
                + ", calcom=" + (calcomWebhookSecret.isPresent() ? "webhook on" : "webhook off") + " via " + calcomApiBase + "]";
    }
}
