package il.co.voicely.rag.llm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * A reader of {@code text/event-stream} bodies (WHATWG HTML, "Server-sent events"): lines
 * {@code event:} and {@code data:} up to a blank line make one event; several {@code data:} lines are
 * joined by newlines; lines starting with {@code :} are comments (keep-alives).
 */
final class ServerSentEvents {

    /** One event; {@code name} is empty when the server sent no {@code event:} line. */
    record Event(String name, String data) {
    }

    private ServerSentEvents() {
    }

    /** Reads events and hands each to {@code handler} until the body ends or the handler returns false. */
    static void read(InputStream body, Predicate<Event> handler) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "";
            StringBuilder data = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null && !handler.test(new Event(name, data.toString()))) {
                        return;
                    }
                    name = "";
                    data = null;
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    if (field.equals("event")) {
                        name = value;
                    } else if (field.equals("data")) {
                        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    }
                }
            }
            if (data != null) {
                handler.test(new Event(name, data.toString()));
            }
        }
    }
}
