package il.co.voicely.integrations.calcom;

import com.fasterxml.jackson.databind.JsonNode;
import il.co.voicely.integrations.internal.HttpCaller;
import il.co.voicely.integrations.internal.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads Cal.com API answers. */
final class CalComJson {

    private CalComJson() {
    }

    static EventType eventType(JsonNode n) {
        List<Integer> options = new ArrayList<>();
        n.path("lengthInMinutesOptions").forEach(o -> options.add(o.asInt()));
        JsonNode seats = n.path("seats").path("seatsPerTimeSlot");
        if (!seats.isNumber()) {
            seats = n.path("seatsPerTimeSlot");
        }
        return new EventType(n.path("id").asLong(), n.path("slug").asText(), n.path("title").asText(),
                n.path("lengthInMinutes").asInt(), options,
                seats.isNumber() ? OptionalInt.of(seats.asInt()) : OptionalInt.empty(),
                n.path("hidden").asBoolean(false));
    }

    /** A booking, or the first occurrence when Cal.com answers with a recurring series. */
    static Booking booking(JsonNode n) {
        if (n.isArray()) {
            n = n.path(0);
        }
        List<Booking.Attendee> attendees = new ArrayList<>();
        for (JsonNode a : n.path("attendees")) {
            attendees.add(new Booking.Attendee(a.path("name").asText(), a.path("email").asText(),
                    a.path("timeZone").asText(), Json.text(a, "phoneNumber"), Json.text(a, "seatUid")));
        }
        long eventTypeId = n.path("eventType").hasNonNull("id") ? n.path("eventType").path("id").asLong()
                : n.path("eventTypeId").asLong();
        return new Booking(n.path("id").asLong(), n.path("uid").asText(), n.path("title").asText(),
                n.path("status").asText(), instant(n.path("start")), instant(n.path("end")),
                n.path("duration").asInt(), eventTypeId, Json.text(n, "location"), Json.text(n, "seatUid"),
                Json.text(n, "rescheduledFromUid"), attendees);
    }

    static Instant instant(JsonNode text) {
        return OffsetDateTime.parse(text.asText()).toInstant();
    }

    static CalComApiException toException(HttpResponse<byte[]> response) {
        Optional<JsonNode> error = Json.tryRead(response.body()).map(b -> b.path("error")).filter(JsonNode::isObject);
        String code = error.flatMap(e -> Json.text(e, "code")).orElse("HTTP_" + response.statusCode());
        String message = error.flatMap(e -> Json.text(e, "message")).orElseGet(() -> {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            return text.length() > 200 ? text.substring(0, 200) + "…" : text;
        });
        return new CalComApiException(response.statusCode(), code, message, HttpCaller.retryAfter(response));
    }
}
