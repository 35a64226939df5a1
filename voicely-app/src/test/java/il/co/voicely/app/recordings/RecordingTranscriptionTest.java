package il.co.voicely.app.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.audio.transcribe.TranscriptionSettings;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Transcription switched on by settings: an OpenAI-compatible server (WireMock) transcribes each analysed recording. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingTranscriptionTest {

    private static final String SUNG = "Do re mi fa sol la si do";

    private final Database db;
    private final WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    private TestApp app;
    private RecordingPeople people;
    private byte[] scale;

    RecordingTranscriptionTest(Database db) {
        this.db = db;
    }

    @BeforeAll
    void start() throws Exception {
        server.start();
        server.stubFor(post("/v1/audio/transcriptions").willReturn(okJson("""
                {"language":"en","duration":5.6,"text":" %s","segments":[{"id":0,"start":0.0,"end":5.5,"text":" %s"}]}"""
                .formatted(SUNG, SUNG))));
        app = TestApp.start(db, s -> s.withTranscription(
                TranscriptionSettings.none().withServer(URI.create(server.baseUrl()), "test-key", "whisper-1")));
        people = new RecordingPeople(db, app.url());
        Files.createDirectories(RecordingPeople.tempDir());
        Path wav = Scales.inTune(RecordingPeople.tempDir(), RecordingsWebTest.C_MAJOR, 0.7);
        scale = Files.readAllBytes(wav);
        Files.delete(wav);
    }

    @AfterAll
    void stop() {
        app.close();
        server.stop();
    }

    @Test
    void anUploadedRecordingIsTranscribedAndItsTextShowsOnItsPage() throws Exception {
        String email = people.create(Role.STUDENT);
        WebClient student = app.client();
        assertThat(student.signIn(email, RecordingPeople.PASSWORD).statusCode()).isEqualTo(303);
        HttpResponse<String> created = people.upload(student, "?exercise=" + people.exercise("c-major-scale"), "audio/wav", scale);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID id = RecordingPeople.idOf(created);

        assertThat(people.awaitDone(id)).isEqualTo("analyzed");
        List<String> texts = db.inContext(SessionContext.system(), h -> h.createQuery(
                "select text from transcriptions where recording_id = :id").bind("id", id).mapTo(String.class).list());
        assertThat(texts).singleElement().asString().contains(SUNG);
        assertThat(student.get("/recordings/" + id + "?lang=en").body())
                .contains(SUNG)
                .doesNotContain("Transcription is not set up");
    }
}
