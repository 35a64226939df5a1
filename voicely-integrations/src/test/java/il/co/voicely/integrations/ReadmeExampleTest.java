package il.co.voicely.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import il.co.voicely.integrations.calcom.CalComClient;
import il.co.voicely.integrations.whatsapp.OutboundMessage;
import il.co.voicely.integrations.whatsapp.WhatsAppClient;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's embedding example, run against fake Meta and Cal.com, so the README cannot rot. */
class ReadmeExampleTest {

    @RegisterExtension
    static WireMockExtension fake = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Test
    void readmeExampleOffersFreeSlotsAsAWhatsAppList() {
        fake.stubFor(get(urlPathEqualTo("/v2/slots")).willReturn(okJson("""
                {"status":"success","data":{"2050-09-05":[
                  {"start":"2050-09-05T18:00:00.000+03:00","end":"2050-09-05T18:45:00.000+03:00"}]}}""")));
        fake.stubFor(post("/v23.0/106540352242922/messages").willReturn(okJson("""
                {"messaging_product":"whatsapp","contacts":[{"input":"+972501234567","wa_id":"972501234567"}],
                 "messages":[{"id":"wamid.X"}]}""")));
        URI metaBase = URI.create(fake.baseUrl());
        URI calBase = URI.create(fake.baseUrl());
        LocalDate today = LocalDate.of(2050, 9, 5);

        // --- README example, verbatim apart from the base URIs ---
        WhatsAppClient whatsapp = WhatsAppClient.builder()
                .accessToken("token").phoneNumberId("106540352242922").baseUri(metaBase).build();
        CalComClient cal = CalComClient.builder().apiKey("cal_key").baseUri(calBase).build();

        var free = cal.availableSlots(45, today, today.plusDays(7), ZoneId.of("Asia/Jerusalem"));
        List<OutboundMessage.Row> rows = free.values().stream().flatMap(List::stream).limit(10)
                .map(slot -> OutboundMessage.Row.of(slot.start().toInstant().toString(),
                        slot.start().format(DateTimeFormatter.ofPattern("dd.MM HH:mm")), null))
                .toList();
        whatsapp.send(OutboundMessage.list("+972501234567", "בחרו שעה לשיעור", "שעות פנויות",
                new OutboundMessage.Section(Optional.empty(), rows)));
        // --- end of README example ---

        fake.verify(postRequestedFor(urlPathEqualTo("/v23.0/106540352242922/messages"))
                .withRequestBody(matchingJsonPath("$.interactive.action.sections[0].rows[0].id", equalTo("2050-09-05T15:00:00Z")))
                .withRequestBody(matchingJsonPath("$.interactive.action.sections[0].rows[0].title", equalTo("05.09 18:00"))));
    }
}
