package il.co.voicely.integrations.calcom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CalComWebhookTest {

    static byte[] example(String name) {
        try (InputStream in = CalComWebhookTest.class.getResourceAsStream("/calcom/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final JsonNode VECTOR = readTree(example("webhook-signature-test-vector.json"));

    static JsonNode readTree(byte[] json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final CalComWebhook webhook = new CalComWebhook(VECTOR.path("secret").asText());
    final byte[] raw = VECTOR.path("rawBody").asText().getBytes(StandardCharsets.UTF_8);
    final String signature = VECTOR.path("headers").path("X-Cal-Signature-256").asText();

    @Test
    void theSpecTestVectorSignatureIsValid() {
        assertThat(webhook.isSignatureValid(raw, signature)).isTrue();
    }

    @Test
    void theTestVectorAgreesWithAnIndependentlyComputedHmac() throws Exception {
        // Also checked with: printf '%s' "$rawBody" | openssl dgst -sha256 -hmac test-cal-webhook-secret
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-cal-webhook-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

        assertThat(HexFormat.of().formatHex(mac.doFinal(raw)))
                .isEqualTo(signature)
                .isEqualTo("10a40c36cad933e3e2613e4d92cba5fe3cdb52330bb33c5f9569683ee7623e31");
    }

    @Test
    void alteredBodyWrongSecretOrMissingSignatureFailTheCheck() {
        byte[] altered = VECTOR.path("rawBody").asText().replace("Guest User", "Guest Usher").getBytes(StandardCharsets.UTF_8);

        assertThat(webhook.isSignatureValid(altered, signature)).isFalse();
        assertThat(new CalComWebhook("another-secret").isSignatureValid(raw, signature)).isFalse();
        assertThat(webhook.isSignatureValid(raw, null)).isFalse();
        assertThat(webhook.isSignatureValid(raw, "sha256=" + signature)).isFalse();
    }

    @Test
    void unsignedDeliveryIsNeverValid() {
        assertThat(webhook.isSignatureValid(raw, VECTOR.path("unsignedHeaderValue").asText())).isFalse();
    }

    @Test
    void bookingCreatedIsParsedWithTimesAttendeesAndMetadata() {
        var created = (CalComEvent.BookingCreated) webhook.parse(example("webhook-booking-created.json"));

        assertThat(created.createdAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        CalComEvent.BookingDetails b = created.booking();
        assertThat(b.uid()).isEqualTo("unique-booking-id");
        assertThat(b.bookingId()).isEqualTo(OptionalLong.of(100));
        assertThat(b.eventTypeId()).isEqualTo(OptionalLong.of(123));
        assertThat(b.start()).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(b.end()).isEqualTo(Instant.parse("2024-01-01T10:15:00Z"));
        assertThat(b.status()).contains("ACCEPTED");
        assertThat(b.organizer()).contains(new CalComEvent.Person("Organizer Name", "organizer@example.com", Optional.of("UTC"), Optional.empty()));
        assertThat(b.attendees()).extracting(CalComEvent.Person::email).containsExactly("guest@example.com", "additional-guest@example.com");
        assertThat(b.bookerPhoneNumber()).isEmpty();
        assertThat(b.location()).contains("integrations:video-provider");
        assertThat(b.seatsPerTimeSlot()).isEqualTo(OptionalInt.empty());
        assertThat(b.metadata()).containsEntry("videoCallUrl", "https://app.example.com/video/unique-booking-id");
    }

    @Test
    void theSignedRawBodyParsesLikeThePrettyExample() {
        assertThat(webhook.parse(raw)).isEqualTo(webhook.parse(example("webhook-booking-created.json")));
    }

    @Test
    void bookingCancelledCarriesTheReasonAndOffsetTimesBecomeInstants() {
        var cancelled = (CalComEvent.BookingCancelled) webhook.parse(example("webhook-booking-cancelled.json"));

        assertThat(cancelled.booking().uid()).isEqualTo("unique-booking-identifier");
        assertThat(cancelled.booking().start()).isEqualTo(Instant.parse("2024-01-04T10:00:00Z"));
        assertThat(cancelled.booking().status()).contains("CANCELLED");
        assertThat(cancelled.cancellationReason()).contains("I am no longer able to attend this session.");
    }

    @Test
    void bookingRescheduledNamesTheNewAndThePreviousBooking() {
        var moved = (CalComEvent.BookingRescheduled) webhook.parse(example("webhook-booking-rescheduled.json"));

        assertThat(moved.booking().uid()).isEqualTo("new-booking-unique-id");
        assertThat(moved.booking().start()).isEqualTo(Instant.parse("2024-01-10T14:30:00Z"));
        assertThat(moved.previousUid()).isEqualTo("previous-booking-unique-id");
        assertThat(moved.previousBookingId()).isEqualTo(OptionalLong.of(200));
        assertThat(moved.previousStart()).contains(Instant.parse("2024-01-05T14:30:00Z"));
        assertThat(moved.previousEnd()).contains(Instant.parse("2024-01-05T14:45:00Z"));
    }

    @Test
    void meetingEndedReadsTheBookingRowShape() {
        var ended = (CalComEvent.MeetingEnded) webhook.parse(example("webhook-meeting-ended.json"));

        assertThat(ended.booking().uid()).isEqualTo("unique-booking-id");
        assertThat(ended.booking().bookingId()).isEqualTo(OptionalLong.of(100));
        assertThat(ended.booking().organizer()).map(CalComEvent.Person::email).contains("organizer@example.com");
        assertThat(ended.booking().bookerPhoneNumber()).contains("+972501234567");
        assertThat(ended.booking().metadata()).containsEntry("voicelyLessonId", "42");
    }

    @Test
    void bookerPhoneComesFromTheBookingFormWhenTheAttendeeHasNone() {
        String json = new String(example("webhook-booking-created.json"), StandardCharsets.UTF_8)
                .replace("\"label\": \"phone_number\",", "\"label\": \"phone_number\", \"value\": \"+972521112233\",");

        var created = (CalComEvent.BookingCreated) webhook.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(created.booking().bookerPhoneNumber()).contains("+972521112233");
    }

    @Test
    void otherTriggersAreKeptByName() {
        var other = webhook.parse("{\"triggerEvent\":\"BOOKING_PAID\",\"createdAt\":\"2024-01-01T00:00:00Z\",\"payload\":{}}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(other).isEqualTo(new CalComEvent.Other(Instant.parse("2024-01-01T00:00:00Z"), "BOOKING_PAID"));
    }
}
