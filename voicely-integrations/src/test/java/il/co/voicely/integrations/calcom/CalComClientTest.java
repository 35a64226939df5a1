package il.co.voicely.integrations.calcom;

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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import il.co.voicely.integrations.http.Retries;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CalComClientTest {

    @RegisterExtension
    static WireMockExtension cal = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    static final ZoneId JERUSALEM = ZoneId.of("Asia/Jerusalem");

    // Shaped after BookingOutput_2024_08_13 in the v2 OpenAPI document.
    static final String BOOKING = """
            {"status":"success","data":{"id":123,"uid":"booking_uid_123","title":"שיעור פיתוח קול 45 דקות",
             "description":"","hosts":[{"id":1,"name":"Noa","email":"noa@voicely.co.il","username":"noa","timeZone":"Asia/Jerusalem"}],
             "status":"accepted","start":"2026-12-01T16:00:00.000Z","end":"2026-12-01T16:45:00.000Z","duration":45,
             "eventTypeId":45,"eventType":{"id":45,"slug":"lesson-45"},"location":"https://app.cal.com/video/booking_uid_123",
             "absentHost":false,"createdAt":"2026-11-25T10:00:00.000Z","updatedAt":"2026-11-25T10:00:00.000Z",
             "attendees":[{"name":"Dana","email":"dana@example.com","displayEmail":"dana@example.com","timeZone":"Asia/Jerusalem",
               "language":"he","absent":false,"phoneNumber":"+972501234567"}],
             "bookingFieldsResponses":{}}}""";

    CalComClient client() {
        return CalComClient.builder().apiKey("cal_test_key").baseUri(URI.create(cal.baseUrl()))
                .retries(new Retries(3, Duration.ofMillis(10), Duration.ofSeconds(5))).build();
    }

    @Test
    void eventTypesAreFetchedWithTheirApiVersionAndBearerKey() {
        cal.stubFor(get("/v2/event-types").willReturn(okJson("""
                {"status":"success","data":[
                  {"id":20,"slug":"trial-20","title":"שיעור ניסיון","lengthInMinutes":20,"hidden":false,"seatsPerTimeSlot":null},
                  {"id":45,"slug":"lesson","title":"שיעור","lengthInMinutes":45,"lengthInMinutesOptions":[45,60],"hidden":false},
                  {"id":60,"slug":"group","title":"סדנה קבוצתית","lengthInMinutes":60,"hidden":false,
                   "seats":{"seatsPerTimeSlot":8,"showAttendeeInfo":false,"showAvailabilityCount":true}}]}""")));

        List<EventType> types = client().eventTypes();

        assertThat(types).containsExactly(
                new EventType(20, "trial-20", "שיעור ניסיון", 20, List.of(), OptionalInt.empty(), false),
                new EventType(45, "lesson", "שיעור", 45, List.of(45, 60), OptionalInt.empty(), false),
                new EventType(60, "group", "סדנה קבוצתית", 60, List.of(), OptionalInt.of(8), false));
        assertThat(types.get(2).isSeated()).isTrue();
        cal.verify(getRequestedFor(urlEqualTo("/v2/event-types"))
                .withHeader("cal-api-version", equalTo("2024-06-14"))
                .withHeader("Authorization", equalTo("Bearer cal_test_key")));
    }

    @Test
    void slotsAreAskedForWholeJerusalemDaysAsRangesAndGroupedByDay() {
        cal.stubFor(get(urlPathEqualTo("/v2/slots")).willReturn(okJson("""
                {"status":"success","data":{
                  "2050-09-06":[{"start":"2050-09-06T09:00:00.000+03:00","end":"2050-09-06T09:45:00.000+03:00"}],
                  "2050-09-05":[{"start":"2050-09-05T09:00:00.000+03:00","end":"2050-09-05T09:45:00.000+03:00"},
                                {"start":"2050-09-05T10:00:00.000+03:00","end":"2050-09-05T10:45:00.000+03:00",
                                 "attendeesCount":3,"bookingUid":"group-uid"}]}}""")));

        var slots = client().availableSlots(45, LocalDate.of(2050, 9, 5), LocalDate.of(2050, 9, 6), JERUSALEM, OptionalInt.of(45));

        cal.verify(getRequestedFor(urlEqualTo("/v2/slots?eventTypeId=45&start=2050-09-04T21%3A00%3A00Z&end=2050-09-06T20%3A59%3A59Z"
                + "&timeZone=Asia%2FJerusalem&format=range&duration=45"))
                .withHeader("cal-api-version", equalTo("2024-09-04"))
                .withHeader("Authorization", equalTo("Bearer cal_test_key")));
        assertThat(slots.keySet()).containsExactly(LocalDate.of(2050, 9, 5), LocalDate.of(2050, 9, 6));
        assertThat(slots.get(LocalDate.of(2050, 9, 5))).containsExactly(
                new Slot(OffsetDateTime.parse("2050-09-05T09:00+03:00"), OffsetDateTime.parse("2050-09-05T09:45+03:00"), 0, Optional.empty()),
                new Slot(OffsetDateTime.parse("2050-09-05T10:00+03:00"), OffsetDateTime.parse("2050-09-05T10:45+03:00"), 3, Optional.of("group-uid")));
    }

    @Test
    void noFreeSlotsIsAnEmptyMap() {
        cal.stubFor(get(urlPathEqualTo("/v2/slots")).willReturn(okJson("{\"status\":\"success\",\"data\":{}}")));

        assertThat(client().availableSlots(45, LocalDate.of(2050, 9, 5), LocalDate.of(2050, 9, 5), JERUSALEM)).isEmpty();
    }

    @Test
    void bookingIsCreatedWithTheSpecShapeInUtcAndReturned() {
        cal.stubFor(post("/v2/bookings").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(BOOKING)));

        Booking booking = client().createBooking(new BookingRequest(45, Instant.parse("2026-12-01T16:00:00Z"),
                new BookingRequest.Attendee("Dana", "dana@example.com", JERUSALEM, Optional.of("+972501234567"), Optional.of("he")),
                Optional.of(45), Map.of("voicelyUserId", "42")));

        cal.verify(postRequestedFor(urlEqualTo("/v2/bookings"))
                .withHeader("cal-api-version", equalTo("2024-08-13"))
                .withHeader("Authorization", equalTo("Bearer cal_test_key"))
                .withRequestBody(equalToJson("""
                        {"start":"2026-12-01T16:00:00Z","eventTypeId":45,"lengthInMinutes":45,
                         "attendee":{"name":"Dana","email":"dana@example.com","timeZone":"Asia/Jerusalem",
                                     "phoneNumber":"+972501234567","language":"he"},
                         "metadata":{"voicelyUserId":"42"}}""", false, false)));
        assertThat(booking.uid()).isEqualTo("booking_uid_123");
        assertThat(booking.id()).isEqualTo(123);
        assertThat(booking.status()).isEqualTo("accepted");
        assertThat(booking.start()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
        assertThat(booking.end()).isEqualTo(Instant.parse("2026-12-01T16:45:00Z"));
        assertThat(booking.durationMinutes()).isEqualTo(45);
        assertThat(booking.eventTypeId()).isEqualTo(45);
        assertThat(booking.seatUid()).isEmpty();
        assertThat(booking.attendees()).containsExactly(
                new Booking.Attendee("Dana", "dana@example.com", "Asia/Jerusalem", Optional.of("+972501234567"), Optional.empty()));
    }

    @Test
    void bookingASeatOfAGroupLessonReturnsTheSeatUid() {
        cal.stubFor(post("/v2/bookings").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"status":"success","data":{"id":9,"uid":"group-uid","title":"סדנה","status":"accepted",
                 "start":"2026-12-02T17:00:00Z","end":"2026-12-02T18:00:00Z","duration":60,"eventTypeId":60,
                 "eventType":{"id":60,"slug":"group"},"location":"studio","seatUid":"seat-3",
                 "attendees":[{"name":"Dana","email":"dana@example.com","timeZone":"Asia/Jerusalem","absent":false,"seatUid":"seat-3",
                   "bookingFieldsResponses":{}}]}}""")));

        Booking seat = client().createBooking(new BookingRequest(60, Instant.parse("2026-12-02T17:00:00Z"),
                new BookingRequest.Attendee("Dana", "dana@example.com", JERUSALEM, Optional.empty(), Optional.empty()),
                Optional.empty(), Map.of()));

        assertThat(seat.seatUid()).contains("seat-3");
        assertThat(seat.attendees().getFirst().seatUid()).contains("seat-3");
        cal.verify(postRequestedFor(urlEqualTo("/v2/bookings")).withRequestBody(equalToJson("""
                {"start":"2026-12-02T17:00:00Z","eventTypeId":60,
                 "attendee":{"name":"Dana","email":"dana@example.com","timeZone":"Asia/Jerusalem"}}""", false, false)));
    }

    @Test
    void cancellingABookingSendsTheReason() {
        cal.stubFor(post("/v2/bookings/booking_uid_123/cancel").willReturn(okJson(BOOKING.replace("\"accepted\"", "\"cancelled\""))));

        Booking cancelled = client().cancelBooking("booking_uid_123", "התלמידה חולה");

        assertThat(cancelled.status()).isEqualTo("cancelled");
        cal.verify(postRequestedFor(urlEqualTo("/v2/bookings/booking_uid_123/cancel"))
                .withHeader("cal-api-version", equalTo("2024-08-13"))
                .withRequestBody(equalToJson("{\"cancellationReason\":\"התלמידה חולה\"}", false, false)));
    }

    @Test
    void cancellingOneSeatNamesTheSeat() {
        cal.stubFor(post("/v2/bookings/group-uid/cancel").willReturn(okJson(BOOKING)));

        client().cancelSeat("group-uid", "seat-3", "לא מגיעה");

        cal.verify(postRequestedFor(urlEqualTo("/v2/bookings/group-uid/cancel"))
                .withRequestBody(equalToJson("{\"seatUid\":\"seat-3\",\"cancellationReason\":\"לא מגיעה\"}", false, false)));
    }

    @Test
    void reschedulingReturnsTheNewBookingPointingBackToTheOld() {
        cal.stubFor(post("/v2/bookings/booking_uid_123/reschedule").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(BOOKING.replace("\"uid\":\"booking_uid_123\"", "\"uid\":\"new_uid\",\"rescheduledFromUid\":\"booking_uid_123\""))));

        Booking moved = client().rescheduleBooking("booking_uid_123", Instant.parse("2026-12-03T16:00:00Z"), "עבודה");

        assertThat(moved.uid()).isEqualTo("new_uid");
        assertThat(moved.rescheduledFromUid()).contains("booking_uid_123");
        cal.verify(postRequestedFor(urlEqualTo("/v2/bookings/booking_uid_123/reschedule"))
                .withHeader("cal-api-version", equalTo("2024-08-13"))
                .withRequestBody(equalToJson("{\"start\":\"2026-12-03T16:00:00Z\",\"reschedulingReason\":\"עבודה\"}", false, false)));
    }

    @Test
    void reschedulingOneSeatNamesTheSeat() {
        cal.stubFor(post("/v2/bookings/group-uid/reschedule").willReturn(okJson(BOOKING)));

        client().rescheduleSeat("group-uid", "seat-3", Instant.parse("2026-12-09T17:00:00Z"));

        cal.verify(postRequestedFor(urlEqualTo("/v2/bookings/group-uid/reschedule"))
                .withRequestBody(equalToJson("{\"start\":\"2026-12-09T17:00:00Z\",\"seatUid\":\"seat-3\"}", false, false)));
    }

    @Test
    void rateLimitIsRetriedHonouringRetryAfter() {
        cal.stubFor(get("/v2/event-types").inScenario("limit").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        cal.stubFor(get("/v2/event-types").inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"status\":\"success\",\"data\":[]}")));
        long started = System.nanoTime();

        assertThat(client().eventTypes()).isEmpty();

        cal.verify(2, getRequestedFor(urlEqualTo("/v2/event-types")));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void badRequestIsNotRetriedAndCarriesCalComsErrorCode() {
        cal.stubFor(post("/v2/bookings").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                {"status":"error","timestamp":"2026-11-25T10:00:00.000Z","path":"/v2/bookings",
                 "error":{"code":"BadRequestException","message":"User either already has booking at this time or is not available"}}""")));

        assertThatThrownBy(() -> client().createBooking(new BookingRequest(45, Instant.parse("2026-12-01T16:00:00Z"),
                new BookingRequest.Attendee("Dana", "dana@example.com", JERUSALEM, Optional.empty(), Optional.empty()),
                Optional.empty(), Map.of())))
                .isInstanceOfSatisfying(CalComApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("BadRequestException");
                    assertThat(e.apiMessage()).contains("not available");
                    assertThat(e.isRetryable()).isFalse();
                });
        cal.verify(1, postRequestedFor(urlEqualTo("/v2/bookings")));
    }

    @Test
    void metadataBeyondCalComsLimitsIsRejectedBeforeSending() {
        assertThatThrownBy(() -> new BookingRequest(45, Instant.now(),
                new BookingRequest.Attendee("Dana", "dana@example.com", JERUSALEM, Optional.empty(), Optional.empty()),
                Optional.empty(), Map.of("k", "x".repeat(501))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metadata.k must be at most 500 characters");
    }
}
