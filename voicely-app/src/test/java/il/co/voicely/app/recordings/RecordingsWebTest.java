package il.co.voicely.app.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Recording uploads through HTTP, the analysis job on the real database, and who may see and comment. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingsWebTest {

    static final List<String> C_MAJOR = List.of("C4", "D4", "E4", "F4", "G4", "A4", "B4", "C5");

    private final Database db;
    private final TestApp app;
    private final RecordingPeople people;
    private byte[] scale;

    RecordingsWebTest(Database db) {
        this.db = db;
        this.app = TestApp.start(db);
        this.people = new RecordingPeople(db, app.url());
    }

    @BeforeAll
    void makeAudio() throws Exception {
        Files.createDirectories(RecordingPeople.tempDir());
        Path wav = Scales.inTune(RecordingPeople.tempDir(), C_MAJOR, 0.7);
        scale = Files.readAllBytes(wav);
        Files.delete(wav);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private WebClient signedIn(String email) {
        WebClient client = app.client();
        assertThat(client.signIn(email, RecordingPeople.PASSWORD).statusCode()).isEqualTo(303);
        return client;
    }

    private UUID uploadScale(WebClient client) {
        HttpResponse<String> created = people.upload(client, "?exercise=" + people.exercise("c-major-scale"), "audio/wav", scale);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RecordingPeople.idOf(created);
    }

    @Test
    void anInTuneScaleIsAnalysedAndThePageShowsRangeAndAccuracy() throws Exception {
        WebClient student = signedIn(people.create(Role.STUDENT));
        UUID id = uploadScale(student);

        assertThat(people.awaitDone(id)).isEqualTo("analyzed");
        HttpResponse<String> page = student.get("/recordings/" + id + "?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Your range today: \u2068C4–C5\u2069")
                .contains("You were within 20 cents on 100% of the notes")
                .contains("class=\"curve\"")
                .contains("C major scale")
                .as("no transcription configured: said, never invented").contains("Transcription is not set up");
        assertThat(student.get("/recordings/" + id + "?lang=he").body()).contains("המנעד שלך היום");
        assertThat(student.get("/recordings?lang=en").body()).contains("/recordings/" + id).contains("Analysed");
        HttpResponse<String> audio = student.get("/recordings/" + id + "/audio");
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/wav");
        HttpResponse<String> part = student.get("/recordings/" + id + "/audio", "Range", "bytes=0-3");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 0-3/" + scale.length);
        assertThat(part.body()).isEqualTo("RIFF");
    }

    @Test
    void anAnalysedInTuneScaleEarnsTheFirstRecordingAndAccuracyAchievements() throws Exception {
        String email = people.create(Role.STUDENT);
        UUID student = people.id(email);
        UUID id = uploadScale(signedIn(email));

        assertThat(people.awaitDone(id)).isEqualTo("analyzed");
        // Achievements follow the saved analysis in the same job, a moment after the status turns 'analyzed'.
        List<String> earned = List.of();
        for (long until = System.nanoTime() + 10_000_000_000L; earned.size() < 2 && System.nanoTime() < until; Thread.sleep(100)) {
            earned = db.inContext(SessionContext.user(student, Role.STUDENT), h -> h.createQuery("""
                            select a.code from user_achievements ua join achievements a on a.id = ua.achievement_id
                             where ua.user_id = :user order by a.code""").bind("user", student).mapTo(String.class).list());
        }
        assertThat(earned).contains("recordings.first", "accuracy.90");
        int events = db.inContext(SessionContext.user(student, Role.STUDENT), h -> h.createQuery(
                "select count(*) from gamification_events where user_id = :user and type = 'recording.analysed'")
                .bind("user", student).mapTo(Integer.class).one());
        assertThat(events).isEqualTo(1);
    }

    @Test
    void anUploadIsRecordedAsAProductEvent() {
        String email = people.create(Role.STUDENT);
        UUID id = uploadScale(signedIn(email));

        int events = db.inContext(SessionContext.system(), h -> h.createQuery("""
                        select count(*) from analytics_events
                         where name = 'recording_created' and properties ->> 'recording_id' = :id and user_id = :user""")
                .bind("id", id.toString()).bind("user", people.id(email)).mapTo(Integer.class).one());
        assertThat(events).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotAudioFailsWithAReasonAndEarlierRecordingsAreKept() throws Exception {
        WebClient student = signedIn(people.create(Role.STUDENT));
        UUID good = uploadScale(student);
        assertThat(people.awaitDone(good)).isEqualTo("analyzed");

        HttpResponse<String> created = people.upload(student, "", "audio/ogg",
                "PK\u0003\u0004 this is a zip file, not a song".getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).isEqualTo(201);
        UUID bad = RecordingPeople.idOf(created);

        assertThat(people.awaitDone(bad)).isEqualTo("failed");
        assertThat(student.get("/recordings/" + bad + "?lang=en").body())
                .contains("Could not be analysed")
                .contains("The file is not a recording we can read");
        assertThat(people.status(good)).isEqualTo("analyzed");
        assertThat(student.get("/recordings/" + good + "/audio").statusCode()).isEqualTo(200);
    }

    @Test
    void aVisitorWhoIsNotSignedInIsSentToSignIn() {
        HttpResponse<String> page = app.get("/recordings");

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/sign-in?next="));
    }

    @Test
    void anEmptyUploadOrAnUnknownExerciseIsRefusedWithAReason() {
        WebClient student = signedIn(people.create(Role.STUDENT));

        HttpResponse<String> empty = people.upload(student, "", "audio/webm", new byte[0]);
        HttpResponse<String> unknown = people.upload(student, "?exercise=" + UUID.randomUUID(), "audio/wav", scale);

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("empty");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("bad_exercise");
    }

    @Test
    void aStudentCannotSeeAnotherStudentsRecording() throws Exception {
        WebClient owner = signedIn(people.create(Role.STUDENT));
        UUID id = uploadScale(owner);
        WebClient other = signedIn(people.create(Role.STUDENT));

        assertThat(other.get("/recordings/" + id).statusCode()).isEqualTo(404);
        assertThat(other.get("/recordings/" + id + "/audio").statusCode()).isEqualTo(404);
        assertThat(other.post("/recordings/" + id + "/comments", "at", "0:01", "body", "mine now").statusCode()).isEqualTo(404);
        assertThat(other.get("/recordings").body()).doesNotContain(id.toString());
    }

    @Test
    void theStudentsTeacherListensAndLeavesATimeStampedComment() throws Exception {
        String studentEmail = people.create(Role.STUDENT);
        String teacherEmail = people.create(Role.TEACHER);
        people.teaches(teacherEmail, studentEmail);
        WebClient student = signedIn(studentEmail);
        UUID id = uploadScale(student);
        WebClient teacher = signedIn(teacherEmail);

        teacher.get("/recordings/" + id);
        HttpResponse<String> posted = teacher.post("/recordings/" + id + "/comments", "at", "0:03", "body", "Lovely E, lift the F a little");

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(teacher.get("/recordings/" + id + "/audio").statusCode()).isEqualTo(200);
        assertThat(student.get("/recordings/" + id + "?lang=en").body())
                .contains("Lovely E, lift the F a little")
                .contains("data-seek=\"3.0\"");
        assertThat(teacher.get("/recordings").body()).contains(id.toString());
    }

    @Test
    void aCommentWithABadTimeIsRefusedBesideTheField() throws Exception {
        WebClient student = signedIn(people.create(Role.STUDENT));
        UUID id = uploadScale(student);
        student.get("/recordings/" + id);

        HttpResponse<String> posted = student.post("/recordings/" + id + "/comments?lang=en", "at", "soon", "body", "note to self");

        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(posted.body()).contains("Write the time as minutes:seconds");
    }

    @Test
    void aRecordingLeftWithoutAJobIsAnalysedWhenTheAppStarts() throws Exception {
        WebClient student = signedIn(people.create(Role.STUDENT));
        UUID id = uploadScale(student);
        assertThat(people.awaitDone(id)).isEqualTo("analyzed");
        // As if the app had stopped between storing the upload and queuing its job.
        UUID orphan = db.inContext(SessionContext.system(), h -> h.createQuery("""
                        insert into recordings (user_id, source, blob_key, sha256, mime_type, size_bytes)
                        select user_id, source, blob_key, sha256, mime_type, size_bytes from recordings where id = :id
                        returning id""").bind("id", id).mapTo(UUID.class).one());

        try (TestApp restarted = TestApp.start(db)) {
            assertThat(people.awaitDone(orphan)).isEqualTo("analyzed");
        }
    }

    @Test
    void runningTheJobAgainChangesNothingTwice() throws Exception {
        WebClient student = signedIn(people.create(Role.STUDENT));
        UUID id = uploadScale(student);
        assertThat(people.awaitDone(id)).isEqualTo("analyzed");
        RecordingAnalysis analysis = new RecordingAnalysis(db,
                il.co.voicely.core.blob.FileSystemBlobStore.at(Path.of("target", "test-home", "blobs")),
                il.co.voicely.audio.transcribe.Transcribers.create(il.co.voicely.audio.transcribe.TranscriptionSettings.none()),
                new il.co.voicely.app.dashboard.GamificationBridge(db));

        analysis.run(id);
        // A crash after the analysis was claimed but before it was saved leaves the recording 'processing'.
        db.useContext(SessionContext.system(), h -> h.createUpdate("update recordings set status = 'processing' where id = :id").bind("id", id).execute());
        analysis.run(id);
        analysis.run(id);

        assertThat(people.status(id)).isEqualTo("analyzed");
        int analyses = db.inContext(SessionContext.system(), h -> h.createQuery("select count(*) from ai_analysis where recording_id = :id")
                .bind("id", id).mapTo(Integer.class).one());
        assertThat(analyses).isEqualTo(1);
    }
}
