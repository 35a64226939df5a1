package il.co.voicely.rag.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

    static List<ServerSentEvents.Event> read(String body) throws IOException {
        List<ServerSentEvents.Event> events = new ArrayList<>();
        ServerSentEvents.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), events::add);
        return events;
    }

    @Test
    void eventsEndAtBlankLinesAndCarryTheirName() throws IOException {
        assertThat(read("event: ping\ndata: {}\n\ndata: two\n\n")).containsExactly(
                new ServerSentEvents.Event("ping", "{}"), new ServerSentEvents.Event("", "two"));
    }

    @Test
    void severalDataLinesAreJoinedAndCommentsSkipped() throws IOException {
        assertThat(read(": keep-alive\r\ndata: a\r\ndata:b\r\n\r\n")).containsExactly(new ServerSentEvents.Event("", "a\nb"));
    }

    @Test
    void aLastEventWithoutTheBlankLineStillCounts() throws IOException {
        assertThat(read("data: [DONE]")).containsExactly(new ServerSentEvents.Event("", "[DONE]"));
    }

    @Test
    void theHandlerCanStopReading() throws IOException {
        List<String> seen = new ArrayList<>();
        ServerSentEvents.read(new ByteArrayInputStream("data: 1\n\ndata: 2\n\n".getBytes(StandardCharsets.UTF_8)),
                e -> seen.add(e.data()) && false);

        assertThat(seen).containsExactly("1");
    }
}
