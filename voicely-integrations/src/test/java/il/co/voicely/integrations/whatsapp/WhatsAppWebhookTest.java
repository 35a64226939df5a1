package il.co.voicely.integrations.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import il.co.voicely.integrations.whatsapp.WebhookEvent.InboundMessage;
import il.co.voicely.integrations.whatsapp.WebhookEvent.Status;
import il.co.voicely.integrations.whatsapp.WebhookEvent.StatusUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WhatsAppWebhookTest {

    static final JsonNode VECTOR = read("webhook-signature-test-vector.json");
    static final JsonNode HANDSHAKE = read("webhook-verification-get.json");

    final WhatsAppWebhook webhook = new WhatsAppWebhook(VECTOR.path("appSecret").asText(),
            HANDSHAKE.path("configuredVerifyToken").asText());

    static JsonNode read(String name) {
        try {
            return new ObjectMapper().readTree(Examples.bytes(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- GET verification ------------------------------------------------------------------

    @Test
    void subscribeWithTheConfiguredTokenEchoesTheChallenge() {
        JsonNode q = HANDSHAKE.path("request").path("query");

        assertThat(webhook.verifySubscription(q.path("hub.mode").asText(), q.path("hub.verify_token").asText(),
                q.path("hub.challenge").asText()))
                .contains(HANDSHAKE.path("expectedResponse").path("body").asText());
    }

    @Test
    void wrongTokenOrModeOrMissingChallengeIsRefused() {
        assertThat(webhook.verifySubscription("subscribe", "wrong-token", "1158201444")).isEmpty();
        assertThat(webhook.verifySubscription("unsubscribe", "meatyhamhock", "1158201444")).isEmpty();
        assertThat(webhook.verifySubscription("subscribe", null, "1158201444")).isEmpty();
        assertThat(webhook.verifySubscription("subscribe", "meatyhamhock", null)).isEmpty();
    }

    // --- X-Hub-Signature-256 ---------------------------------------------------------------

    @Test
    void theSpecTestVectorSignatureIsValidOnTheRawBytes() {
        byte[] raw = VECTOR.path("rawBody").asText().getBytes(StandardCharsets.UTF_8);

        assertThat(webhook.isSignatureValid(raw, VECTOR.path("headers").path("X-Hub-Signature-256").asText())).isTrue();
    }

    @Test
    void theTestVectorAgreesWithAnIndependentlyComputedHmac() throws Exception {
        // Also checked with: printf '%s' "$rawBody" | openssl dgst -sha256 -hmac test-app-secret
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hex = HexFormat.of().formatHex(mac.doFinal(VECTOR.path("rawBody").asText().getBytes(StandardCharsets.UTF_8)));

        assertThat("sha256=" + hex)
                .isEqualTo(VECTOR.path("headers").path("X-Hub-Signature-256").asText())
                .isEqualTo("sha256=fa9dd02307bdd20e6b980cea9bd9f974c2ac55ff14ead1e8b079269038b2504a");
    }

    @Test
    void tamperedBodyFailsTheSignatureCheck() {
        byte[] tampered = VECTOR.path("tamperedRawBody").asText().getBytes(StandardCharsets.UTF_8);

        assertThat(webhook.isSignatureValid(tampered, VECTOR.path("headers").path("X-Hub-Signature-256").asText())).isFalse();
    }

    @Test
    void reserialisedJsonFailsTheSignatureCheckBecauseMetaSignsTheRawBytes() {
        byte[] pretty = Examples.bytes("webhook-inbound-text.json");

        assertThat(webhook.isSignatureValid(pretty, VECTOR.path("headers").path("X-Hub-Signature-256").asText())).isFalse();
    }

    @Test
    void missingOrMalformedSignatureHeaderIsInvalid() {
        byte[] raw = VECTOR.path("rawBody").asText().getBytes(StandardCharsets.UTF_8);
        String hex = VECTOR.path("headers").path("X-Hub-Signature-256").asText().substring("sha256=".length());

        assertThat(webhook.isSignatureValid(raw, null)).isFalse();
        assertThat(webhook.isSignatureValid(raw, hex)).isFalse();
        assertThat(webhook.isSignatureValid(raw, "sha256=")).isFalse();
        assertThat(webhook.isSignatureValid(raw, "sha1=" + hex)).isFalse();
        assertThat(new WhatsAppWebhook("another-secret", "t").isSignatureValid(raw, "sha256=" + hex)).isFalse();
    }

    @Test
    void uppercaseHexSignatureIsAccepted() {
        byte[] raw = VECTOR.path("rawBody").asText().getBytes(StandardCharsets.UTF_8);
        String hex = VECTOR.path("headers").path("X-Hub-Signature-256").asText().substring("sha256=".length());

        assertThat(webhook.isSignatureValid(raw, "sha256=" + hex.toUpperCase())).isTrue();
    }

    // --- parsing -----------------------------------------------------------------------------

    static InboundMessage inbound(String example) {
        List<WebhookEvent> events = new WhatsAppWebhook("s", "t").parse(Examples.bytes(example));
        assertThat(events).hasSize(1);
        return (InboundMessage) events.getFirst();
    }

    static StatusUpdate status(String example) {
        List<WebhookEvent> events = new WhatsAppWebhook("s", "t").parse(Examples.bytes(example));
        assertThat(events).hasSize(1);
        return (StatusUpdate) events.getFirst();
    }

    @Test
    void textMessageIsParsedWithSenderNameAndTimestamp() {
        InboundMessage m = inbound("webhook-inbound-text.json");

        assertThat(m.phoneNumberId()).isEqualTo("106540352242922");
        assertThat(m.messageId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
        assertThat(m.from()).isEqualTo("16505551234");
        assertThat(m.profileName()).contains("Sheena Nelson");
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1749416383L));
        assertThat(m.contextMessageId()).isEmpty();
        assertThat(m.content()).isEqualTo(new MessageContent.Text("Does it come in another color?"));
    }

    @Test
    void voiceNoteIsAudioMarkedAsVoice() {
        assertThat(inbound("webhook-inbound-audio-voice.json").content()).isEqualTo(new MessageContent.Audio(
                "1203483737738422", "audio/ogg; codecs=opus", Optional.of("HWlMkdE3ZtqNmGTqQ8LhUlc2frCcgNbhBR3dO0L6ogo="), true));
    }

    @Test
    void audioFileIsAudioNotMarkedAsVoice() {
        MessageContent.Audio audio = (MessageContent.Audio) inbound("webhook-inbound-audio-file.json").content();

        assertThat(audio.voice()).isFalse();
        assertThat(audio.mimeType()).isEqualTo("audio/mpeg");
    }

    @Test
    void imageIsParsedWithCaption() {
        assertThat(inbound("webhook-inbound-image.json").content()).isEqualTo(new MessageContent.Image(
                "1003383421387256", "image/jpeg", Optional.of("SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI="), Optional.of("Taj Mahal")));
    }

    @Test
    void documentIsParsedWithFilename() {
        String json = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                 "messages":[{"from":"16505551234","id":"wamid.D","timestamp":"1750090800","type":"document",
                   "document":{"filename":"תרגילים.pdf","mime_type":"application/pdf","sha256":"h","id":"55"}}]}}]}]}""";

        InboundMessage m = (InboundMessage) webhook.parse(json.getBytes(StandardCharsets.UTF_8)).getFirst();

        assertThat(m.content()).isEqualTo(new MessageContent.Document("55", "application/pdf", Optional.of("h"),
                Optional.of("תרגילים.pdf"), Optional.empty()));
        assertThat(m.profileName()).isEmpty();
    }

    @Test
    void buttonReplyCarriesTheButtonIdAndTheMessageItAnswers() {
        InboundMessage m = inbound("webhook-inbound-interactive-button-reply.json");

        assertThat(m.content()).isEqualTo(new MessageContent.ButtonReply("cancel-button", "Cancel"));
        assertThat(m.contextMessageId()).contains("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA");
    }

    @Test
    void listReplyCarriesTheRowIdTitleAndDescription() {
        assertThat(inbound("webhook-inbound-interactive-list-reply.json").content()).isEqualTo(
                new MessageContent.ListReply("priority_express", "Priority Mail Express", Optional.of("Next Day to 2 Days")));
    }

    @Test
    void templateQuickReplyButtonCarriesItsPayload() {
        assertThat(inbound("webhook-inbound-template-quick-reply-button.json").content())
                .isEqualTo(new MessageContent.TemplateButtonReply("Unsubscribe", "Unsubscribe"));
    }

    @Test
    void reactionNamesTheReactedMessageAndEmoji() {
        assertThat(inbound("webhook-inbound-reaction.json").content()).isEqualTo(
                new MessageContent.Reaction("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RTJEOTc2ODVERUY5RDlGNkYA", "👍"));
    }

    @Test
    void unsupportedMessageKeepsMetasError() {
        assertThat(inbound("webhook-inbound-unsupported.json").content()).isEqualTo(new MessageContent.Unsupported("unsupported",
                List.of(new WebhookEvent.ErrorDetail(131051, "Message type unknown", Optional.of("Message type unknown"),
                        Optional.of("Message type is currently not supported.")))));
    }

    @Test
    void sentDeliveredAndReadStatusesAreParsed() {
        StatusUpdate sent = status("webhook-status-sent.json");
        assertThat(sent.status()).isEqualTo(Status.SENT);
        assertThat(sent.messageId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA");
        assertThat(sent.recipientId()).isEqualTo("16505551234");
        assertThat(sent.conversationId()).contains("6ceb9d929c9bdc3c4d3b2b4a6f9b0c1d");
        assertThat(sent.pricingCategory()).contains("utility");
        assertThat(sent.timestamp()).isEqualTo(Instant.ofEpochSecond(1750263773L));

        assertThat(status("webhook-status-delivered.json").status()).isEqualTo(Status.DELIVERED);
        StatusUpdate read = status("webhook-status-read.json");
        assertThat(read.status()).isEqualTo(Status.READ);
        assertThat(read.conversationId()).isEmpty();
        assertThat(read.errors()).isEmpty();
    }

    @Test
    void failedStatusCarriesTheErrorCodeAndDetails() {
        StatusUpdate failed = status("webhook-status-failed.json");

        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.errors()).containsExactly(new WebhookEvent.ErrorDetail(131026, "Message undeliverable",
                Optional.of("Message undeliverable"), Optional.of("Message Undeliverable.")));
    }

    @Test
    void unknownStatusAndNonMessageFieldsDoNotBreakParsing() {
        String json = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
                  {"field":"account_update","value":{"event":"VERIFIED_ACCOUNT"}},
                  {"field":"messages","value":{"metadata":{"phone_number_id":"1"},
                   "statuses":[{"id":"wamid.X","status":"deleted","timestamp":"1","recipient_id":"2"}]}}]}]}""";

        assertThat(webhook.parse(json.getBytes(StandardCharsets.UTF_8)))
                .singleElement().extracting(e -> ((StatusUpdate) e).status()).isEqualTo(Status.OTHER);
    }
}
