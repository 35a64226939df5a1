package il.co.voicely.audio.transcribe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import il.co.voicely.audio.decode.UnsupportedAudioFormatException;
import il.co.voicely.audio.fixtures.TestAudio;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiCompatibleTranscriberTest {
    private static final String PATH = "/v1/audio/transcriptions";
    private static final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @TempDir
    static Path dir;
    static Path shortClip;
    static Path twoPhrases;

    @BeforeAll
    static void start() throws Exception {
        server.start();
        shortClip = TestAudio.writeWav(dir.resolve("short clip.wav"), TestAudio.tone(22_050, 2.0, t -> 220, 6, 0.01, 1), 22_050);
        // 3 s of voice, a 0.6 s pause at 3.0–3.6 s, 3 s of voice: with 4 s chunks the cut must fall in the pause.
        float[] voice = TestAudio.tone(22_050, 3.0, t -> 200 + 30 * Math.sin(t * 3), 8, 0.02, 2);
        twoPhrases = TestAudio.writeWav(dir.resolve("lesson.wav"),
                TestAudio.concat(List.of(voice, new float[(int) (0.6 * 22_050)], voice)), 22_050);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private OpenAiCompatibleTranscriber.Builder transcriber() {
        return OpenAiCompatibleTranscriber.builder().baseUrl(URI.create(server.baseUrl())).apiKey("sk-test-key")
                .retries(3, Duration.ofMillis(10), Duration.ofSeconds(5));
    }

    private static String verboseJson(String text, double... startEndPairs) {
        StringBuilder segments = new StringBuilder();
        for (int i = 0; i < startEndPairs.length; i += 2) {
            segments.append(i == 0 ? "" : ",").append("""
                    {"id":%d,"seek":0,"start":%s,"end":%s,"text":" %s part %d","tokens":[50364],"temperature":0.0,
                     "avg_logprob":-0.28,"compression_ratio":1.2,"no_speech_prob":0.01}"""
                    .formatted(i / 2, startEndPairs[i], startEndPairs[i + 1], text, i / 2));
        }
        return """
                {"task":"transcribe","language":"hebrew","duration":3.3,"text":" %s","segments":[%s],
                 "usage":{"type":"duration","seconds":4}}""".formatted(text, segments);
    }

    @Test
    void sendsTheMultipartRequestTheOpenApiSpecDescribes() throws Exception {
        server.stubFor(post(PATH).willReturn(okJson(verboseJson("שלום לכולם", 0.0, 1.25, 1.25, 1.98))));

        Transcript transcript = transcriber().build().transcribe(shortClip);

        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test-key");
        assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        Map<String, List<String>> fields = textFields(request);
        assertThat(fields).containsEntry("model", List.of("whisper-1"))
                .containsEntry("language", List.of("he"))
                .containsEntry("response_format", List.of("verbose_json"))
                .containsEntry("timestamp_granularities[]", List.of("segment"));
        assertThat(OpenApiSpec.transcriptionRequestFields()).containsAll(
                fields.keySet().stream().map(n -> n.replace("[]", "")).toList()).contains("file");
        Request.Part file = request.getPart("file");
        assertThat(file.getHeader("Content-Disposition").firstValue()).contains("filename=\"short_clip-1.wav\"");
        assertThat(file.getHeader("Content-Type").firstValue()).isEqualTo("audio/wav");
        try (AudioInputStream wav = AudioSystem.getAudioInputStream(new ByteArrayInputStream(file.getBody().asBytes()))) {
            assertThat(wav.getFormat().getSampleRate()).isEqualTo(16_000f);
            assertThat(wav.getFormat().getChannels()).isEqualTo(1);
            assertThat(wav.getFrameLength()).isBetween(31_900L, 32_100L);
        }

        assertThat(transcript.language()).as("OpenAI says \"hebrew\"").isEqualTo("he");
        assertThat(transcript.text()).isEqualTo("שלום לכולם");
        assertThat(transcript.segments()).containsExactly(
                new Transcript.Segment(0, 1250, "שלום לכולם part 0"),
                new Transcript.Segment(1250, 1980, "שלום לכולם part 1"));
        assertThat(transcript.words()).isEmpty();
    }

    @Test
    void longRecordingIsCutAtAPauseAndStitchedWithOffsets() throws Exception {
        server.stubFor(post(PATH).inScenario("chunks").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(verboseJson("ראשון", 0.0, 2.9))).willSetStateTo("second"));
        server.stubFor(post(PATH).inScenario("chunks").whenScenarioStateIs("second")
                .willReturn(okJson(verboseJson("שני", 0.2, 3.0))));

        Transcript transcript = transcriber().maxChunk(Duration.ofSeconds(4)).silenceSearch(Duration.ofSeconds(2))
                .build().transcribe(twoPhrases);

        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(requests).hasSize(2);
        long firstChunkMs = wavMillis(requests.get(0));
        assertThat(firstChunkMs).as("cut inside the pause at 3.0–3.6 s").isBetween(3_050L, 3_550L);
        assertThat(firstChunkMs + wavMillis(requests.get(1))).isBetween(6_590L, 6_610L);
        assertThat(textFields(requests.get(1))).containsEntry("prompt", List.of("ראשון"));
        assertThat(transcript.segments()).containsExactly(
                new Transcript.Segment(0, 2900, "ראשון part 0"),
                new Transcript.Segment(firstChunkMs + 200, firstChunkMs + 3000, "שני part 0"));
        assertThat(transcript.text()).isEqualTo("ראשון שני");
    }

    @Test
    void rateLimitIsRetriedAfterTheServersRetryAfter() throws Exception {
        server.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}"))
                .willSetStateTo("free"));
        server.stubFor(post(PATH).inScenario("busy").whenScenarioStateIs("free").willReturn(okJson(verboseJson("אחרי", 0.0, 1.0))));

        long started = System.nanoTime();
        Transcript transcript = transcriber().build().transcribe(shortClip);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(server.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSize(2);
        assertThat(transcript.text()).isEqualTo("אחרי");
    }

    @Test
    void serverErrorIsRetriedWithBackoff() throws Exception {
        server.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(verboseJson("שוב", 0.0, 1.0))));

        assertThat(transcriber().build().transcribe(shortClip).text()).isEqualTo("שוב");
        assertThat(server.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSize(2);
    }

    @Test
    void rateLimitThatNeverEndsIsATypedError() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));

        assertThatThrownBy(() -> transcriber().retries(2, Duration.ofMillis(10), Duration.ofSeconds(1)).build().transcribe(shortClip))
                .isInstanceOfSatisfying(TranscriptionRateLimitException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(429);
                    assertThat(e.retryAfter()).contains(Duration.ZERO);
                });
        assertThat(server.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSize(2);
    }

    @Test
    void rejectedKeyIsATypedErrorWithoutRetriesOrTheKey() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"Incorrect API key provided: sk-test-***-key.","type":"invalid_request_error","code":"invalid_api_key"}}""")));

        assertThatThrownBy(() -> transcriber().build().transcribe(shortClip))
                .isInstanceOf(TranscriptionAuthenticationException.class)
                .hasMessageContaining("API key was rejected")
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Incorrect API key provided")
                .hasMessageContaining("short clip.wav")
                .hasMessageNotContaining("sk-test-key");
        assertThat(server.findAll(postRequestedFor(urlEqualTo(PATH)))).hasSize(1);
    }

    @Test
    void uploadRefusedAsTooLargeIsATypedError() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(413).withBody("Request Entity Too Large")));

        assertThatThrownBy(() -> transcriber().build().transcribe(shortClip))
                .isInstanceOf(TranscriptionTooLargeException.class)
                .hasMessageContaining("HTTP 413")
                .hasMessageContaining("lower maxChunk");
    }

    @Test
    void selfHostedServerWithoutKeyGetsNoAuthorizationAndItsModel() throws Exception {
        server.stubFor(post(PATH).willReturn(okJson("{\"text\":\" בלי חותמות זמן\"}")));

        Transcript transcript = OpenAiCompatibleTranscriber.builder().baseUrl(URI.create(server.baseUrl() + "/v1/"))
                .model("Systran/faster-whisper-small").build().transcribe(shortClip);

        LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo(PATH))).get(0);
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertThat(textFields(request)).containsEntry("model", List.of("Systran/faster-whisper-small"));
        // A server that answers plain json gets its text one segment spanning the chunk, not invented times.
        assertThat(transcript.segments()).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("בלי חותמות זמן");
            assertThat(s.startMs()).isZero();
            assertThat(s.endMs()).isBetween(1_990L, 2_010L);
        });
        assertThat(transcript.language()).isEqualTo("he");
    }

    @Test
    void inputThatIsNotAudioFailsBeforeAnyRequest() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not audio at all, just words");

        assertThatThrownBy(() -> transcriber().build().transcribe(text)).isInstanceOf(UnsupportedAudioFormatException.class);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void describesItsEndpointWhicheverWayTheBaseUrlIsWritten() {
        assertThat(OpenAiCompatibleTranscriber.builder().build().description())
                .isEqualTo("OpenAI-compatible https://api.openai.com/v1/audio/transcriptions (whisper-1)");
        assertThat(OpenAiCompatibleTranscriber.builder().baseUrl(URI.create("http://localhost:8080/v1")).build().description())
                .contains("http://localhost:8080/v1/audio/transcriptions");
    }

    private static Map<String, List<String>> textFields(LoggedRequest request) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Request.Part part : request.getParts()) {
            if (!part.getName().equals("file")) {
                fields.computeIfAbsent(part.getName(), k -> new java.util.ArrayList<>())
                        .add(new String(part.getBody().asBytes(), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static long wavMillis(LoggedRequest request) throws Exception {
        try (AudioInputStream wav = AudioSystem.getAudioInputStream(new ByteArrayInputStream(request.getPart("file").getBody().asBytes()))) {
            return wav.getFrameLength() * 1000 / 16_000;
        }
    }
}
