package il.co.voicely.app.livechat;

import com.fasterxml.jackson.databind.JsonNode;
import il.co.voicely.app.web.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A chat socket client for tests: frames in a queue, JSON out, with handshake headers like a browser's. */
final class SocketClient implements AutoCloseable {

    private final BlockingQueue<JsonNode> frames;
    private final WebSocket socket;

    private SocketClient(WebSocket socket, BlockingQueue<JsonNode> frames) {
        this.socket = socket;
        this.frames = frames;
    }

    /** Connects to {@code url} ({@code ws://…}); {@code headers} as name, value pairs (Cookie, Origin). */
    static SocketClient connect(String url, String... headers) {
        BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        WebSocket ws = builder.buildAsync(URI.create(url), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public java.util.concurrent.CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        queue.add(Json.MAPPER.readTree(text.toString()));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).join();
        return new SocketClient(ws, queue);
    }

    /** Whether the handshake is refused. */
    static boolean refused(String url, String... headers) {
        try (SocketClient ignored = connect(url, headers)) {
            return false;
        } catch (CompletionException e) {
            return true;
        }
    }

    void send(Map<String, ?> frame) {
        try {
            socket.sendText(Json.MAPPER.writeValueAsString(frame), true).join();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next frame matching {@code match}, skipping others; fails after 10 s. */
    JsonNode await(Predicate<JsonNode> match) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            JsonNode frame = poll(until - System.nanoTime()).orElse(null);
            if (frame != null && match.test(frame)) {
                return frame;
            }
        }
        throw new AssertionError("no matching frame within 10 s");
    }

    JsonNode await(String type) {
        return await(f -> type.equals(f.path("type").asText()));
    }

    /** Every frame of {@code type} arriving within {@code wait}. */
    List<JsonNode> collect(String type, Duration wait) {
        List<JsonNode> out = new ArrayList<>();
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            poll(until - System.nanoTime()).filter(f -> type.equals(f.path("type").asText())).ifPresent(out::add);
        }
        return out;
    }

    private Optional<JsonNode> poll(long nanos) {
        try {
            return Optional.ofNullable(frames.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
        socket.abort();
    }
}
