package il.co.voicely.audio.transcribe;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Transcribes through an OpenAI-compatible {@code POST /v1/audio/transcriptions}: OpenAI's Whisper, or a
 * self-hosted faster-whisper (speaches) or whisper.cpp server.
 *
 * <pre>{@code
 * Transcriber openAi = OpenAiCompatibleTranscriber.builder().apiKey(System.getenv("OPENAI_API_KEY")).build();
 * Transcriber local = OpenAiCompatibleTranscriber.builder()
 *         .baseUrl(URI.create("http://localhost:8000")).model("Systran/faster-whisper-small").build();
 * Transcript t = local.transcribe(Path.of("lesson.webm"));
 * }</pre>
 *
 * The recording is decoded (any format {@link il.co.voicely.audio.decode.AudioDecoder} reads) and sent as
 * 16 kHz mono WAV chunks of at most {@link Builder#maxChunk} (10 minutes, 19 MB, under OpenAI's 25 MB
 * limit), each cut at a pause; segment times are shifted by each chunk's offset, and each request gets the
 * end of the previous chunk's text as {@code prompt} so the text flows across cuts. HTTP 429 and 5xx are
 * retried with exponential backoff, honouring {@code Retry-After}. Thread-safe.
 */
public final class OpenAiCompatibleTranscriber implements Transcriber {
    private static final int PROMPT_CHARS = 200;
    /** Failsafe falls back to the backoff when the delay function answers a negative duration. */
    private static final Duration NO_SERVER_DELAY = Duration.ofMillis(-1);

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final String language;
    private final boolean wordTimestamps;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final AudioChunker chunker;
    private final RetryPolicy<HttpResponse<String>> retry;

    private OpenAiCompatibleTranscriber(Builder b) {
        this.endpoint = endpoint(b.baseUrl);
        this.apiKey = b.apiKey;
        this.model = b.model;
        this.language = b.language;
        this.wordTimestamps = b.wordTimestamps;
        this.requestTimeout = b.requestTimeout;
        this.http = b.http != null ? b.http
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build();
        Duration chunk = b.maxChunk;
        long maxSamplesBySize = (b.maxUploadBytes - AudioChunker.wavBytes(0)) / 2;
        if (chunk.toMillis() * AudioChunker.RATE / 1000 > maxSamplesBySize) {
            chunk = Duration.ofMillis(maxSamplesBySize * 1000 / AudioChunker.RATE);
        }
        this.chunker = new AudioChunker(chunk, b.silenceSearch, b.maxDuration);
        Duration maxDelay = b.maxRetryDelay;
        this.retry = RetryPolicy.<HttpResponse<String>>builder()
                .handleResultIf(r -> r.statusCode() == 429 || r.statusCode() >= 500)
                .handle(ConnectException.class, HttpTimeoutException.class)
                .withBackoff(b.retryDelay, maxDelay.compareTo(b.retryDelay) > 0 ? maxDelay : b.retryDelay.multipliedBy(2))
                .withDelayFn(ctx -> RetryAfter.parse(ctx.getLastResult()).map(d -> d.compareTo(maxDelay) > 0 ? maxDelay : d).orElse(NO_SERVER_DELAY))
                .withMaxAttempts(b.maxAttempts)
                .build();
    }

    /** @return a builder for OpenAI ({@code https://api.openai.com}, {@code whisper-1}, Hebrew) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Transcript transcribe(Path audio) throws IOException {
        List<Transcript.Segment> segments = new ArrayList<>();
        List<Transcript.Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        var reported = new Object() {
            String language;
            int chunks;
        };
        chunker.split(audio, (samples, length, offsetSamples) -> {
            reported.chunks++;
            long offsetMs = offsetSamples * 1000 / AudioChunker.RATE;
            String name = "%s-%d.wav".formatted(stem(audio), reported.chunks);
            String prompt = text.length() <= PROMPT_CHARS ? text.toString() : text.substring(text.length() - PROMPT_CHARS);
            VerboseJson.Chunk chunk = send(audio, name, AudioChunker.wav(samples, length), prompt,
                    length * 1000L / AudioChunker.RATE);
            chunk.segments().forEach(s -> segments.add(new Transcript.Segment(
                    s.startMs() + offsetMs, s.endMs() + offsetMs, s.text())));
            chunk.words().forEach(w -> words.add(new Transcript.Word(w.startMs() + offsetMs, w.endMs() + offsetMs, w.word())));
            if (!chunk.text().isBlank()) {
                text.append(text.isEmpty() ? "" : " ").append(chunk.text().strip());
            }
            if (reported.language == null && chunk.language().filter(l -> !l.isBlank()).isPresent()) {
                reported.language = chunk.language().get();
            }
        });
        String lang = reported.language != null ? reported.language : Objects.requireNonNullElse(language, "");
        return new Transcript(lang, text.toString(), segments, words);
    }

    @Override
    public String description() {
        return "OpenAI-compatible %s (%s)".formatted(endpoint, model);
    }

    private VerboseJson.Chunk send(Path audio, String name, byte[] wav, String prompt, long chunkMs) throws IOException {
        Multipart form = new Multipart()
                .file("file", name, "audio/wav", wav)
                .field("model", model)
                .field("response_format", "verbose_json")
                .field("timestamp_granularities[]", "segment");
        if (wordTimestamps) {
            form.field("timestamp_granularities[]", "word");
        }
        if (language != null) {
            form.field("language", language);
        }
        if (!prompt.isBlank()) {
            form.field("prompt", prompt);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", form.contentType())
                .header("Accept", "application/json")
                .POST(form.publisher());
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = Failsafe.with(retry).get(() -> http.send(built, HttpResponse.BodyHandlers.ofString()));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while transcribing '%s'".formatted(audio.getFileName()));
            }
            throw new TranscriptionException("could not reach %s to transcribe '%s': %s"
                    .formatted(endpoint, audio.getFileName(), e.getCause()), -1, e.getCause());
        }
        return answer(audio, name, wav.length, chunkMs, response);
    }

    private VerboseJson.Chunk answer(Path audio, String name, int bytes, long chunkMs, HttpResponse<String> response)
            throws TranscriptionException {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return VerboseJson.parse(response.body(), chunkMs, endpoint);
        }
        String said = VerboseJson.errorMessage(response.body());
        String where = "%s answered HTTP %d for '%s' (chunk %s): %s".formatted(endpoint, status, audio.getFileName(), name, said);
        switch (status) {
            case 401, 403 -> throw new TranscriptionAuthenticationException(
                    (apiKey == null ? "no API key was sent; " : "the API key was rejected; ") + where, status);
            case 413 -> throw new TranscriptionTooLargeException(
                    "%s; the chunk was %d bytes — lower maxChunk or maxUploadBytes".formatted(where, bytes));
            case 429 -> throw new TranscriptionRateLimitException("still rate-limited after retries; " + where,
                    RetryAfter.parse(response).orElse(null));
            default -> throw new TranscriptionException(where, status, null);
        }
    }

    /** OpenAI's base URL is documented both with and without {@code /v1}; accept either. */
    private static URI endpoint(URI base) {
        String s = base.toString().replaceAll("/+$", "");
        return URI.create(s.endsWith("/v1") ? s + "/audio/transcriptions" : s + "/v1/audio/transcriptions");
    }

    private static String stem(Path audio) {
        String name = audio.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        // The file name travels in a multipart header: keep it plain ASCII.
        stem = stem.replaceAll("[^A-Za-z0-9._-]", "_");
        return stem.isEmpty() ? "audio" : stem;
    }

    /** Configures an {@link OpenAiCompatibleTranscriber}. */
    public static final class Builder {
        private URI baseUrl = URI.create("https://api.openai.com");
        private String apiKey;
        private String model = "whisper-1";
        private String language = "he";
        private boolean wordTimestamps;
        private Duration maxChunk = Duration.ofMinutes(10);
        private Duration silenceSearch = Duration.ofSeconds(30);
        private long maxUploadBytes = 25_000_000;
        private Duration maxDuration = Duration.ofHours(4);
        private int maxAttempts = 4;
        private Duration retryDelay = Duration.ofSeconds(1);
        private Duration maxRetryDelay = Duration.ofSeconds(60);
        private Duration requestTimeout = Duration.ofMinutes(5);
        private HttpClient http;

        private Builder() {
        }

        /** @param url the server, e.g. {@code http://localhost:8000} or {@code https://api.openai.com/v1} */
        public Builder baseUrl(URI url) {
            String scheme = Objects.requireNonNull(url, "url").getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException("transcription server URL must be http(s): " + url);
            }
            this.baseUrl = url;
            return this;
        }

        /** @param key bearer token; null or blank sends none (self-hosted servers often need none) */
        public Builder apiKey(String key) {
            this.apiKey = key == null || key.isBlank() ? null : key.strip();
            return this;
        }

        /** @param name model id, e.g. {@code whisper-1}, {@code Systran/faster-whisper-small} */
        public Builder model(String name) {
            this.model = requireText(name, "model");
            return this;
        }

        /** @param isoCode ISO-639-1 hint such as {@code he}; null lets the server detect the language */
        public Builder language(String isoCode) {
            this.language = isoCode == null || isoCode.isBlank() ? null : isoCode.strip();
            return this;
        }

        /** @param on also ask for word timestamps (OpenAI adds latency for them) */
        public Builder wordTimestamps(boolean on) {
            this.wordTimestamps = on;
            return this;
        }

        /** @param length longest chunk sent in one request (also capped by {@link #maxUploadBytes}) */
        public Builder maxChunk(Duration length) {
            this.maxChunk = positive(length, "maxChunk");
            return this;
        }

        /** @param window how far back from a chunk's end to look for a pause to cut at */
        public Builder silenceSearch(Duration window) {
            this.silenceSearch = Objects.requireNonNull(window, "window");
            return this;
        }

        /** @param bytes the server's upload limit (OpenAI: 25 MB) */
        public Builder maxUploadBytes(long bytes) {
            if (bytes < 64_000) {
                throw new IllegalArgumentException("upload limit of " + bytes + " bytes is too small for audio");
            }
            this.maxUploadBytes = bytes;
            return this;
        }

        /** @param limit longest recording accepted */
        public Builder maxDuration(Duration limit) {
            this.maxDuration = positive(limit, "maxDuration");
            return this;
        }

        /**
         * @param attempts tries per chunk on HTTP 429/5xx or connection failure, at least 1
         * @param delay    first backoff delay, doubled each retry
         * @param maxDelay longest wait, also the cap on a server's {@code Retry-After}
         */
        public Builder retries(int attempts, Duration delay, Duration maxDelay) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
            }
            this.maxAttempts = attempts;
            this.retryDelay = positive(delay, "delay");
            this.maxRetryDelay = positive(maxDelay, "maxDelay");
            return this;
        }

        /** @param timeout time allowed for one request, upload and transcription included */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "timeout");
            return this;
        }

        /** @param client the HTTP client to use (proxies, TLS); by default one with a 20 s connect timeout */
        public Builder httpClient(HttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        /** @return the transcriber */
        public OpenAiCompatibleTranscriber build() {
            return new OpenAiCompatibleTranscriber(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + d);
            }
            return d;
        }

        private static String requireText(String s, String what) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return s.strip();
        }
    }

}
