package il.co.voicely.integrations.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import il.co.voicely.integrations.whatsapp.OutboundMessage.Button;
import il.co.voicely.integrations.whatsapp.OutboundMessage.Row;
import il.co.voicely.integrations.whatsapp.OutboundMessage.Section;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Messages that break WhatsApp's limits fail before any request leaves the process. */
class MessageValidationTest {

    @RegisterExtension
    static WireMockExtension meta = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    static final String TO = "+972501234567";

    WhatsAppClient whatsapp() {
        return WhatsAppClient.builder().accessToken("t").phoneNumberId("1").baseUri(URI.create(meta.baseUrl())).build();
    }

    @AfterEach
    void nothingWasSent() {
        meta.verify(0, anyRequestedFor(anyUrl()));
    }

    AbstractThrowableAssert<?, ? extends Throwable> sending(OutboundMessage message) {
        return assertThatThrownBy(() -> whatsapp().send(message)).isInstanceOf(MessageValidationException.class);
    }

    static void field(Throwable e, String field, String ruleFragment) {
        MessageValidationException v = (MessageValidationException) e;
        assertThat(v.field()).isEqualTo(field);
        assertThat(v.rule()).contains(ruleFragment);
        assertThat(v.getMessage()).startsWith(field);
    }

    @Test
    void numberThatIsNotE164IsRejectedNamingTheNumber() {
        sending(OutboundMessage.text("050-1234567", "שלום"))
                .satisfies(e -> field(e, "to", "E.164"))
                .hasMessageContaining("'050-1234567'");
        sending(OutboundMessage.text("+0501234567", "שלום")).satisfies(e -> field(e, "to", "E.164"));
    }

    @Test
    void textLongerThan4096CharactersIsRejected() {
        sending(OutboundMessage.text(TO, "א".repeat(4097)))
                .satisfies(e -> field(e, "text.body", "at most 4096 characters (was 4097)"));
    }

    @Test
    void textOfExactly4096CharactersCountedAsCodePointsPassesValidation() {
        // 4096 emoji are 8192 UTF-16 chars but 4096 characters to WhatsApp.
        assertThatNoException().isThrownBy(() -> MessageJson.toJson(OutboundMessage.text(TO, "🎤".repeat(4096)), Optional.empty()));
        meta.resetRequests();
    }

    @Test
    void emptyTextIsRejected() {
        sending(OutboundMessage.text(TO, "  ")).satisfies(e -> field(e, "text.body", "must not be empty"));
    }

    @Test
    void moreThanThreeReplyButtonsAreRejected() {
        sending(OutboundMessage.replyButtons(TO, "מתי?", new Button("a", "א"), new Button("b", "ב"),
                new Button("c", "ג"), new Button("d", "ד")))
                .satisfies(e -> field(e, "interactive.action.buttons", "at most 3 buttons (was 4)"));
    }

    @Test
    void buttonTitleLongerThan20CharactersIsRejectedNamingTheButton() {
        sending(OutboundMessage.replyButtons(TO, "מתי?", new Button("a", "בוקר"), new Button("b", "ערב, אחרי העבודה בשבע")))
                .satisfies(e -> field(e, "interactive.action.buttons[1].reply.title", "at most 20 characters (was 21)"));
    }

    @Test
    void duplicateButtonIdsAreRejected() {
        sending(OutboundMessage.replyButtons(TO, "מתי?", new Button("x", "בוקר"), new Button("x", "ערב")))
                .satisfies(e -> field(e, "interactive.action.buttons[1].reply.id", "unique"));
    }

    @Test
    void listWithMoreThanTenRowsAcrossSectionsIsRejected() {
        List<Row> six = IntStream.range(0, 6).mapToObj(i -> Row.of("a" + i, "שעה " + i, null)).toList();
        List<Row> five = IntStream.range(0, 5).mapToObj(i -> Row.of("b" + i, "שעה " + i, null)).toList();
        sending(new OutboundMessage.ListMenu(TO, "בחרו שעה", "שעות פנויות",
                List.of(new Section(Optional.of("ראשון"), six), new Section(Optional.of("שני"), five)), Optional.empty(), Optional.empty()))
                .satisfies(e -> field(e, "interactive.action.sections[].rows", "at most 10 rows in all sections together (was 11)"));
    }

    @Test
    void listRowTitleLongerThan24CharactersIsRejected() {
        sending(OutboundMessage.list(TO, "בחרו שעה", "שעות", Section.of(null, Row.of("r1", "x".repeat(25), null))))
                .satisfies(e -> field(e, "interactive.action.sections[0].rows[0].title", "at most 24 characters (was 25)"));
    }

    @Test
    void listButtonTextLongerThan20CharactersIsRejected() {
        sending(OutboundMessage.list(TO, "בחרו שעה", "x".repeat(21), Section.of(null, Row.of("r1", "10:00", null))))
                .satisfies(e -> field(e, "interactive.action.button", "at most 20 characters"));
    }

    @Test
    void listWithSeveralSectionsNeedsSectionTitles() {
        sending(OutboundMessage.list(TO, "בחרו", "שעות", Section.of("ראשון", Row.of("a", "10:00", null)),
                Section.of(null, Row.of("b", "11:00", null))))
                .satisfies(e -> field(e, "interactive.action.sections[1].title", "more than one section"));
    }

    @Test
    void mediaNeedsExactlyOneOfIdOrLink() {
        sending(OutboundMessage.audio(TO, new OutboundMessage.Media(Optional.empty(), Optional.empty())))
                .satisfies(e -> field(e, "audio", "exactly one of a media id or a link"));
    }

    @Test
    void captionLongerThan1024CharactersIsRejected() {
        sending(OutboundMessage.image(TO, OutboundMessage.Media.id("m1"), "x".repeat(1025)))
                .satisfies(e -> field(e, "image.caption", "at most 1024"));
    }

    @Test
    void templateButtonIndexOutOfRangeIsRejected() {
        sending(OutboundMessage.template(TO, "lesson_reminder", "he", TemplateComponent.quickReplyButton(10, "p")))
                .satisfies(e -> field(e, "template.components[0].index", "0 to 9"));
    }
}
