package il.co.voicely.integrations.calcom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import il.co.voicely.integrations.http.Retries;
import il.co.voicely.integrations.internal.HttpCaller;
import il.co.voicely.integrations.internal.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Cal.com API v2: event types, free slots, and bookings (create, cancel, reschedule; seats of group
 * lessons included). Every call sends the {@code cal-api-version} its endpoint requires; 429 and 5xx
 * answers are retried with backoff honouring {@code Retry-After}; refusals throw
 * {@link CalComApiException}.
 *
 * <pre>{@code
 * CalComClient cal = CalComClient.builder().apiKey(System.getenv("VOICELY_CALCOM_API_KEY")).build();
 * var slots = cal.availableSlots(45L, LocalDate.now(), LocalDate.now().plusDays(7), ZoneId.of("Asia/Jerusalem"));
 * }</pre>
 *
 * <p>A network failure that outlasts the retries throws {@link java.io.UncheckedIOException} naming
 * the request. Thread-safe; share one instance.
 */
public final class CalComClient {

    /** The public Cal.com API. */
    public static final URI DEFAULT_BASE_URI = URI.create("https://api.cal.com");

    // Versions per endpoint family, from the v2 OpenAPI document; without them Cal.com answers with
    // older, differently shaped versions of the same endpoints.
    static final String EVENT_TYPES_VERSION = "2024-06-14";
    static final String SLOTS_VERSION = "2024-09-04";
    static final String BOOKINGS_VERSION = "2024-08-13";

    private final String apiKey;
    private final String base;
    private final Duration timeout;
    private final HttpCaller http;

    private CalComClient(Builder b) {
        this.apiKey = Objects.requireNonNull(b.apiKey, "apiKey");
        this.base = b.baseUri.toString().replaceAll("/+$", "");
        this.timeout = b.timeout;
        HttpClient client = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.http = new HttpCaller(client, b.retries, CalComJson::toException);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The event types of the account that owns the API key. */
    public List<EventType> eventTypes() {
        JsonNode data = get("/v2/event-types", Map.of(), EVENT_TYPES_VERSION).path("data");
        List<EventType> types = new ArrayList<>();
        data.forEach(node -> types.add(CalComJson.eventType(node)));
        return List.copyOf(types);
    }

    /**
     * Free slots of an event type on the days {@code from} to {@code to} (inclusive) as lived in
     * {@code zone}, grouped by day, with times at that zone's offset.
     */
    public SortedMap<LocalDate, List<Slot>> availableSlots(long eventTypeId, LocalDate from, LocalDate to, ZoneId zone) {
        return availableSlots(eventTypeId, from, to, zone, OptionalInt.empty());
    }

    /** As {@link #availableSlots(long, LocalDate, LocalDate, ZoneId)} for one of several lesson lengths. */
    public SortedMap<LocalDate, List<Slot>> availableSlots(long eventTypeId, LocalDate from, LocalDate to, ZoneId zone,
                                                          OptionalInt durationMinutes) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("eventTypeId", Long.toString(eventTypeId));
        // Cal.com reads start/end as UTC; a bare date would cut the local day at 00:00 UTC (03:00 in
        // Jerusalem), so send the local day's bounds as instants.
        query.put("start", from.atStartOfDay(zone).toInstant().toString());
        query.put("end", to.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1).toString());
        query.put("timeZone", zone.getId());
        query.put("format", "range");
        durationMinutes.ifPresent(d -> query.put("duration", Integer.toString(d)));
        JsonNode data = get("/v2/slots", query, SLOTS_VERSION).path("data");
        SortedMap<LocalDate, List<Slot>> byDay = new TreeMap<>();
        for (Map.Entry<String, JsonNode> day : data.properties()) {
            List<Slot> slots = new ArrayList<>();
            for (JsonNode s : day.getValue()) {
                OffsetDateTime start = OffsetDateTime.parse(s.path("start").asText());
                OffsetDateTime end = s.hasNonNull("end") ? OffsetDateTime.parse(s.get("end").asText()) : start;
                slots.add(new Slot(start, end, s.path("attendeesCount").asInt(0), Json.text(s, "bookingUid")));
            }
            byDay.put(LocalDate.parse(day.getKey()), List.copyOf(slots));
        }
        return Collections.unmodifiableSortedMap(byDay);
    }

    /** Books a lesson, or one seat of a group lesson. */
    public Booking createBooking(BookingRequest request) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("start", request.start().toString());
        body.put("eventTypeId", request.eventTypeId());
        ObjectNode attendee = body.putObject("attendee");
        attendee.put("name", request.attendee().name());
        attendee.put("email", request.attendee().email());
        attendee.put("timeZone", request.attendee().timeZone().getId());
        request.attendee().phoneNumber().ifPresent(p -> attendee.put("phoneNumber", p));
        request.attendee().language().ifPresent(l -> attendee.put("language", l));
        request.lengthInMinutes().ifPresent(l -> body.put("lengthInMinutes", l));
        if (!request.metadata().isEmpty()) {
            ObjectNode metadata = body.putObject("metadata");
            request.metadata().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> metadata.put(e.getKey(), e.getValue()));
        }
        return CalComJson.booking(post("/v2/bookings", body).path("data"));
    }

    /** Cancels a whole booking (every seat of a group lesson). */
    public Booking cancelBooking(String bookingUid, String reason) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (reason != null) {
            body.put("cancellationReason", reason);
        }
        return CalComJson.booking(post("/v2/bookings/" + segment(bookingUid) + "/cancel", body).path("data"));
    }

    /** Cancels one student's seat of a group lesson; the lesson stays for the others. */
    public Booking cancelSeat(String bookingUid, String seatUid, String reason) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("seatUid", Objects.requireNonNull(seatUid, "seatUid"));
        if (reason != null) {
            body.put("cancellationReason", reason);
        }
        return CalComJson.booking(post("/v2/bookings/" + segment(bookingUid) + "/cancel", body).path("data"));
    }

    /** Moves a booking; Cal.com answers with the new booking, whose {@code rescheduledFromUid} is the old uid. */
    public Booking rescheduleBooking(String bookingUid, Instant newStart, String reason) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("start", newStart.toString());
        if (reason != null) {
            body.put("reschedulingReason", reason);
        }
        return CalComJson.booking(post("/v2/bookings/" + segment(bookingUid) + "/reschedule", body).path("data"));
    }

    /** Moves one student's seat to another slot of the same group event. */
    public Booking rescheduleSeat(String bookingUid, String seatUid, Instant newStart) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("start", newStart.toString());
        body.put("seatUid", Objects.requireNonNull(seatUid, "seatUid"));
        return CalComJson.booking(post("/v2/bookings/" + segment(bookingUid) + "/reschedule", body).path("data"));
    }

    private JsonNode get(String path, Map<String, String> query, String version) {
        String qs = query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = request(path + qs, version).GET().build();
        return Json.read(http.send(request).body());
    }

    private JsonNode post(String path, ObjectNode body) {
        HttpRequest request = request(path, BOOKINGS_VERSION)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)))
                .build();
        return Json.read(http.send(request).body());
    }

    private HttpRequest.Builder request(String pathAndQuery, String version) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("cal-api-version", version);
    }

    private static String segment(String uid) {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("bookingUid must not be empty");
        }
        return URLEncoder.encode(uid, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Configures a {@link CalComClient}; {@code apiKey} is required. */
    public static final class Builder {
        private String apiKey;
        private URI baseUri = DEFAULT_BASE_URI;
        private HttpClient httpClient;
        private Retries retries = Retries.defaults();
        private Duration timeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** A {@code cal_…} API key or a managed user's access token. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Where the API lives; tests and staging point this at a fake or a self-hosted Cal.com. */
        public Builder baseUri(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
            return this;
        }

        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        public Builder retries(Retries retries) {
            this.retries = Objects.requireNonNull(retries, "retries");
            return this;
        }

        /** Per-request timeout (each attempt), 30 s by default. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public CalComClient build() {
            return new CalComClient(this);
        }
    }
}
