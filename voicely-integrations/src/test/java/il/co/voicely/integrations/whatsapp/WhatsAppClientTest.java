package il.co.voicely.integrations.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import il.co.voicely.integrations.http.Retries;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WhatsAppClientTest {

    @RegisterExtension
    static WireMockExtension meta = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    static final String MESSAGES = "/v23.0/106540352242922/messages";

    WhatsAppClient whatsapp;

    @BeforeEach
    void pointClientAtFakeMeta() {
        whatsapp = client(new Retries(3, Duration.ofMillis(10), Duration.ofSeconds(5)));
        meta.stubFor(post(MESSAGES).willReturn(okJson(new String(Examples.bytes("send-message.response.json"), StandardCharsets.UTF_8))));
    }

    WhatsAppClient client(Retries retries) {
        return WhatsAppClient.builder()
                .accessToken("test-token")
                .phoneNumberId("106540352242922")
                .businessAccountId("419561257915477")
                .baseUri(URI.create(meta.baseUrl()))
                .retries(retries)
                .build();
    }

    void assertPosted(String exampleFile) {
        meta.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer test-token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(Examples.request(exampleFile), false, false)));
    }

    @Test
    void textIsPostedAsTheSpecExampleAndReturnsTheMessageId() {
        SentMessage sent = whatsapp.send(OutboundMessage.text(Examples.RECIPIENT, "text-message-content"));

        assertPosted("send-text.request.json");
        assertThat(sent).isEqualTo(new SentMessage("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA", "16505551234"));
    }

    @Test
    void replyQuotesTheEarlierMessageAsContext() {
        whatsapp.sendReply("<MSGID_OF_PREV_MSG>", OutboundMessage.text(Examples.RECIPIENT, "<TEXT_MSG_CONTENT>"));

        assertPosted("send-reply-to-text.request.json");
    }

    @Test
    void textWithPreviewAsksForALinkPreview() {
        whatsapp.send(OutboundMessage.textWithPreview(Examples.RECIPIENT, "Please visit https://youtu.be/hpltvTEiRrY."));

        meta.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(equalToJson(Examples.request("send-text-preview-url.request.json"), false, true)));
    }

    @Test
    void templateWithTextCurrencyAndDateParametersMatchesTheSpecExample() {
        whatsapp.send(OutboundMessage.template(Examples.RECIPIENT, "template-name", "language-and-locale-code",
                TemplateComponent.body(TemplateComponent.text("text-string"),
                        new TemplateComponent.Currency("$100.99", "USD", 100990),
                        new TemplateComponent.DateTime("February 25, 1977", Optional.of(LocalDateTime.of(1977, 2, 25, 15, 33))))));

        assertPosted("send-template-text.request.json");
    }

    @Test
    void templateWithImageHeaderMatchesTheSpecExample() {
        whatsapp.send(OutboundMessage.template(Examples.RECIPIENT, "template-name", "language-and-locale-code",
                TemplateComponent.header(new TemplateComponent.Image(OutboundMessage.Media.link(URI.create("https://voicely.co.il/header.png")))),
                TemplateComponent.body(TemplateComponent.text("text-string"),
                        new TemplateComponent.Currency("$100.99", "USD", 100990),
                        new TemplateComponent.DateTime("February 25, 1977", Optional.of(LocalDateTime.of(1977, 2, 25, 15, 33))))));

        // The spec's placeholder "http(s)://the-image-url" is not a URL, so a real one stands in for it.
        meta.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson(
                Examples.request("send-template-media.request.json").replace("http(s)://the-image-url", "https://voicely.co.il/header.png"),
                false, false)));
    }

    @Test
    void reminderTemplateCarriesQuickReplyAndUrlButtonParameters() {
        whatsapp.send(OutboundMessage.template("+972501234567", "lesson_reminder", "he",
                TemplateComponent.body(TemplateComponent.text("דנה"), TemplateComponent.text("18:00")),
                TemplateComponent.quickReplyButton(0, "confirm-42"),
                TemplateComponent.urlButton(1, "lessons/42")));

        meta.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"+972501234567","type":"template",
                 "template":{"name":"lesson_reminder","language":{"code":"he"},"components":[
                   {"type":"body","parameters":[{"type":"text","text":"דנה"},{"type":"text","text":"18:00"}]},
                   {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"confirm-42"}]},
                   {"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"lessons/42"}]}]}}
                """, false, false)));
    }

    @Test
    void replyButtonsMatchTheSpecExample() {
        whatsapp.send(OutboundMessage.replyButtons(Examples.RECIPIENT, "<BUTTON_TEXT>",
                new OutboundMessage.Button("<UNIQUE_BUTTON_ID_1>", "<BUTTON_TITLE_1>"),
                new OutboundMessage.Button("<UNIQUE_BUTTON_ID_2>", "<BUTTON_TITLE_2>")));

        assertPosted("send-interactive-reply-buttons.request.json");
    }

    @Test
    void listWithHeaderFooterAndTwoSectionsMatchesTheSpecExample() {
        var list = new OutboundMessage.ListMenu(Examples.RECIPIENT, "<BODY_TEXT>", "<BUTTON_TEXT>", List.of(
                OutboundMessage.Section.of("<LIST_SECTION_1_TITLE>",
                        OutboundMessage.Row.of("<LIST_SECTION_1_ROW_1_ID>", "<SECTION_1_ROW_1_TITLE>", "<SECTION_1_ROW_1_DESC>"),
                        OutboundMessage.Row.of("<LIST_SECTION_1_ROW_2_ID>", "<SECTION_1_ROW_2_TITLE>", "<SECTION_1_ROW_2_DESC>")),
                OutboundMessage.Section.of("<LIST_SECTION_2_TITLE>",
                        OutboundMessage.Row.of("<LIST_SECTION_2_ROW_1_ID>", "<SECTION_2_ROW_1_TITLE>", "<SECTION_2_ROW_1_DESC>"),
                        OutboundMessage.Row.of("<LIST_SECTION_2_ROW_2_ID>", "<SECTION_2_ROW_2_TITLE>", "<SECTION_2_ROW_2_DESC>"))),
                Optional.of("<HEADER_TEXT>"), Optional.of("<FOOTER_TEXT>"));

        whatsapp.send(list);

        assertPosted("send-interactive-list.request.json");
    }

    @Test
    void audioByIdMatchesTheSpecExample() {
        whatsapp.send(OutboundMessage.audio(Examples.RECIPIENT, OutboundMessage.Media.id("<AUDIO_OBJECT_ID>")));

        assertPosted("send-audio-by-id.request.json");
    }

    @Test
    void voiceNoteIsMarkedAsVoice() {
        whatsapp.send(OutboundMessage.voice(Examples.RECIPIENT, OutboundMessage.Media.id("1203483737738422")));

        meta.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"audio",
                 "audio":{"id":"1203483737738422","voice":true}}""", false, false)));
    }

    @Test
    void imageAndDocumentAreSentByLinkWithCaptionAndFilename() {
        whatsapp.send(OutboundMessage.image(Examples.RECIPIENT, OutboundMessage.Media.link(URI.create("https://voicely.co.il/scale.png")), "סולם דו מז'ור"));
        whatsapp.send(OutboundMessage.document(Examples.RECIPIENT, OutboundMessage.Media.id("doc-1"), "lesson-plan.pdf"));

        meta.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"image",
                 "image":{"link":"https://voicely.co.il/scale.png","caption":"סולם דו מז'ור"}}""", false, false)));
        meta.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"document",
                 "document":{"id":"doc-1","filename":"lesson-plan.pdf"}}""", false, false)));
    }

    @Test
    void markAsReadWithTypingIndicatorMatchesTheSpecExample() {
        meta.stubFor(post(MESSAGES).willReturn(okJson("{\"success\":true}")));

        whatsapp.markAsRead("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUYzMjEzNDM2RTZGQ0MzMDJBRgA=", true);

        assertPosted("mark-read-typing-indicator.request.json");
    }

    @Test
    void uploadSendsMultipartWithProductTypeAndFileAndReturnsTheMediaId() {
        meta.stubFor(post("/v23.0/106540352242922/media").willReturn(okJson("{\"id\":\"media-77\"}")));
        byte[] ogg = {'O', 'g', 'g', 'S', 0, 2};

        String id = whatsapp.uploadMedia(ogg, "audio/ogg; codecs=opus", "reply.ogg");

        assertThat(id).isEqualTo("media-77");
        var request = meta.getAllServeEvents().getFirst().getRequest();
        assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer test-token");
        assertThat(request.getPart("messaging_product").getBody().asString()).isEqualTo("whatsapp");
        assertThat(request.getPart("type").getBody().asString()).isEqualTo("audio/ogg; codecs=opus");
        assertThat(request.getPart("file").getBody().asBytes()).isEqualTo(ogg);
        assertThat(request.getPart("file").getHeader("Content-Disposition").firstValue()).contains("filename=\"reply.ogg\"");
    }

    @Test
    void downloadAsksForTheMediaUrlThenFetchesItWithTheBearerToken() {
        byte[] voice = {1, 2, 3, 4, 5};
        meta.stubFor(get("/v23.0/1203483737738422").willReturn(okJson("""
                {"messaging_product":"whatsapp","url":"%s/lookaside/voice?mid=1203483737738422","mime_type":"audio/ogg; codecs=opus",
                 "sha256":"abc","file_size":"5","id":"1203483737738422"}""".formatted(meta.baseUrl()))));
        meta.stubFor(get(urlPathEqualTo("/lookaside/voice")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/ogg").withBody(voice)));

        DownloadedMedia media = whatsapp.downloadMedia("1203483737738422");

        assertThat(media.bytes()).isEqualTo(voice);
        assertThat(media.mimeType()).isEqualTo("audio/ogg; codecs=opus");
        meta.verify(getRequestedFor(urlPathEqualTo("/lookaside/voice")).withHeader("Authorization", equalTo("Bearer test-token")));
    }

    @Test
    void templateListingFollowsPaging() {
        meta.stubFor(get(urlPathEqualTo("/v23.0/419561257915477/message_templates")).willReturn(okJson("""
                {"data":[{"id":"1","name":"lesson_reminder","language":"he","status":"APPROVED","category":"UTILITY"}],
                 "paging":{"cursors":{"after":"A"},"next":"%s/page2"}}""".formatted(meta.baseUrl()))));
        meta.stubFor(get("/page2").willReturn(okJson("""
                {"data":[{"id":"2","name":"booking_confirmation","language":"he","status":"PENDING","category":"UTILITY"}],
                 "paging":{"cursors":{"before":"A"}}}""")));

        assertThat(whatsapp.listTemplates()).containsExactly(
                new MessageTemplate("1", "lesson_reminder", "he", "APPROVED", "UTILITY"),
                new MessageTemplate("2", "booking_confirmation", "he", "PENDING", "UTILITY"));
    }

    @Test
    void rateLimitIsRetriedAfterTheServersRetryAfterAndSucceedsOnTheSecondRequest() {
        meta.resetAll();
        meta.stubFor(post(MESSAGES).inScenario("rate limit").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"error\":{\"message\":\"Rate limit hit\",\"code\":130429,\"fbtrace_id\":\"T1\"}}"))
                .willSetStateTo("cooled down"));
        meta.stubFor(post(MESSAGES).inScenario("rate limit").whenScenarioStateIs("cooled down")
                .willReturn(okJson(new String(Examples.bytes("send-message.response.json"), StandardCharsets.UTF_8))));
        long started = System.nanoTime();

        SentMessage sent = whatsapp.send(OutboundMessage.text(Examples.RECIPIENT, "שלום"));

        assertThat(sent.messageId()).startsWith("wamid.");
        meta.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void serverErrorIsRetriedWithBackoff() {
        meta.resetAll();
        meta.stubFor(post(MESSAGES).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        meta.stubFor(post(MESSAGES).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(new String(Examples.bytes("send-message.response.json"), StandardCharsets.UTF_8))));

        whatsapp.send(OutboundMessage.text(Examples.RECIPIENT, "שלום"));

        meta.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void badRequestIsNotRetriedAndCarriesMetasErrorFields() {
        meta.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"(#131030) Recipient phone number not in allowed list","type":"OAuthException",
                 "code":131030,"error_subcode":2655007,"error_data":{"messaging_product":"whatsapp",
                 "details":"Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again."},
                 "fbtrace_id":"AazCDLbWZ9Ka1wA1zJ6YZ2b"}}""")));

        assertThatThrownBy(() -> whatsapp.send(OutboundMessage.text(Examples.RECIPIENT, "שלום")))
                .isInstanceOfSatisfying(WhatsAppApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(131030);
                    assertThat(e.subcode()).hasValue(2655007);
                    assertThat(e.type()).contains("OAuthException");
                    assertThat(e.apiMessage()).contains("not in allowed list");
                    assertThat(e.details()).get().asString().startsWith("Recipient phone number not in allowed list");
                    assertThat(e.fbtraceId()).contains("AazCDLbWZ9Ka1wA1zJ6YZ2b");
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("131030", "AazCDLbWZ9Ka1wA1zJ6YZ2b");
                });
        meta.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void persistentServerErrorGivesUpAfterTheConfiguredAttempts() {
        meta.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"message\":\"An unknown error occurred\",\"code\":1,\"fbtrace_id\":\"X\"}}")));

        assertThatThrownBy(() -> whatsapp.send(OutboundMessage.text(Examples.RECIPIENT, "שלום")))
                .isInstanceOfSatisfying(WhatsAppApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.code()).isEqualTo(1);
                    assertThat(e.isRetryable()).isTrue();
                });
        meta.verify(3, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void retryAfterLongerThanTheMaximumDelayIsHandedToTheCallerWithoutWaiting() {
        meta.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")
                .withBody("{\"error\":{\"message\":\"Rate limit hit\",\"code\":130429}}")));

        assertThatThrownBy(() -> whatsapp.send(OutboundMessage.text(Examples.RECIPIENT, "שלום")))
                .isInstanceOfSatisfying(WhatsAppApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(130429);
                    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                });
        meta.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void droppedConnectionIsRetried() {
        meta.resetAll();
        meta.stubFor(post(MESSAGES).inScenario("reset").whenScenarioStateIs("Started")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        meta.stubFor(post(MESSAGES).inScenario("reset").whenScenarioStateIs("up")
                .willReturn(okJson(new String(Examples.bytes("send-message.response.json"), StandardCharsets.UTF_8))));

        assertThat(whatsapp.send(OutboundMessage.text(Examples.RECIPIENT, "שלום")).messageId()).startsWith("wamid.");
        meta.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void connectionThatKeepsFailingEndsAsAnUncheckedIoExceptionNamingTheRequest() {
        meta.stubFor(post(MESSAGES).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        assertThatThrownBy(() -> whatsapp.send(OutboundMessage.text(Examples.RECIPIENT, "שלום")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("POST " + meta.baseUrl() + MESSAGES);
        meta.verify(3, postRequestedFor(urlEqualTo(MESSAGES)));
    }
}
