package il.co.voicely.app.recordings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import il.co.voicely.app.dashboard.GamificationBridge;
import il.co.voicely.audio.decode.AudioDecodeException;
import il.co.voicely.audio.decode.AudioDecoder;
import il.co.voicely.audio.decode.AudioLimitExceededException;
import il.co.voicely.audio.decode.DecodedAudio;
import il.co.voicely.audio.pitch.PitchDetector;
import il.co.voicely.audio.pitch.PitchSettings;
import il.co.voicely.audio.pitch.PitchTrack;
import il.co.voicely.audio.transcribe.Transcriber;
import il.co.voicely.audio.transcribe.Transcript;
import il.co.voicely.audio.voice.Note;
import il.co.voicely.audio.voice.NoteAccuracy;
import il.co.voicely.audio.voice.VoiceAnalyzer;
import il.co.voicely.audio.voice.VoiceReport;
import il.co.voicely.core.blob.BlobStore;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of one analysis job: decode, analyse, transcribe when configured, save, mark analysed. It runs as
 * {@code system} (the job acts for nobody in particular) and is idempotent: a recording that is no longer
 * waiting is left alone, and saving replaces the previous results in the same transaction that sets the
 * status, so a job re-run after a crash never stores anything twice.
 */
final class RecordingAnalysis {

    /** Longest recording analysed; the whole report needs the samples in memory (4 bytes each). */
    static final Duration MAX_DURATION = Duration.ofMinutes(20);
    private static final int SAMPLE_RATE = 22_050;
    private static final Logger log = LoggerFactory.getLogger(RecordingAnalysis.class);

    private final Database db;
    private final BlobStore blobs;
    private final Transcriber transcriber;
    private final GamificationBridge gamification;
    private final AudioDecoder decoder = AudioDecoder.builder().sampleRate(SAMPLE_RATE).maxDuration(MAX_DURATION).build();

    RecordingAnalysis(Database db, BlobStore blobs, Transcriber transcriber, GamificationBridge gamification) {
        this.db = db;
        this.blobs = blobs;
        this.transcriber = transcriber;
        this.gamification = gamification;
    }

    /**
     * Analyses one recording.
     *
     * @throws IOException when the blob cannot be read or a transcription server failed: worth a retry
     */
    void run(UUID recordingId) throws IOException {
        Optional<Waiting> waiting = claim(recordingId);
        if (waiting.isEmpty()) {
            return;
        }
        Path file = Files.createTempFile("voicely-recording-", ".audio");
        try {
            try (InputStream in = blobs.open(waiting.get().blobKey())) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            DecodedAudio audio;
            try {
                audio = decoder.decodeAll(file);
            } catch (AudioLimitExceededException e) {
                fail(recordingId, "too_long", e);
                return;
            } catch (AudioDecodeException e) {
                fail(recordingId, "not_audio", e);
                return;
            }
            PitchTrack track = PitchDetector.create(PitchSettings.singing()).analyze(audio.samples(), audio.sampleRate());
            VoiceReport report = VoiceAnalyzer.create(PitchSettings.singing()).report(audio.samples(), audio.sampleRate(), track);
            Optional<NoteAccuracy> accuracy = waiting.get().targetNotes().isEmpty() ? Optional.empty()
                    : Optional.of(NoteAccuracy.inOrder(track, waiting.get().targetNotes().stream().map(Note::parse).toList()));
            Optional<Transcript> transcript = transcriber.available() ? Optional.of(transcriber.transcribe(file)) : Optional.empty();
            save(recordingId, audio, VoiceReportJson.of(report, track, accuracy), accuracy, transcript);
            reportToGamification(recordingId, waiting.get(), report, accuracy);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Tells achievements about the analysed recording. A recording without a sung range (silence) reports
     * nothing; one without an exercise reports 0% accuracy, which no accuracy rule rewards. The analysis is
     * already saved, so a failure here is logged rather than retried: a retry would find nothing waiting.
     */
    private void reportToGamification(UUID recordingId, Waiting waiting, VoiceReport report, Optional<NoteAccuracy> accuracy) {
        report.range().ifPresent(range -> {
            try {
                gamification.recordingAnalysed(waiting.userId(), recordingId, range.lowest().hz(), range.highest().hz(),
                        accuracy.map(NoteAccuracy::score).orElse(0.0), waiting.createdAt());
            } catch (RuntimeException e) {
                log.warn("Recording {} analysed but not reported to achievements", recordingId, e);
            }
        });
    }

    /** Marks the recording failed after retries ran out, so the page stops waiting and says so. */
    void giveUp(UUID recordingId, Exception cause) {
        fail(recordingId, "analysis", cause);
    }

    private Optional<Waiting> claim(UUID id) {
        return db.inContext(SessionContext.system(), h -> {
            Optional<Waiting> waiting = h.createQuery("""
                            select r.blob_key, coalesce(e.target::text, '{}'), r.user_id, r.created_at from recordings r
                              left join vocal_exercises e on e.id = r.exercise_id
                             where r.id = :id and r.status in ('uploaded', 'processing') for update of r""")
                    .bind("id", id)
                    .map((rs, ctx) -> new Waiting(rs.getString(1), Recordings.notes(rs.getString(2)),
                            rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant()))
                    .findOne();
            waiting.ifPresent(w -> h.createUpdate("update recordings set status = 'processing' where id = :id").bind("id", id).execute());
            return waiting;
        });
    }

    private void save(UUID id, DecodedAudio audio, ObjectNode report, Optional<NoteAccuracy> accuracy, Optional<Transcript> transcript) {
        db.useContext(SessionContext.system(), h -> {
            h.createUpdate("delete from ai_analysis where recording_id = :id and kind = 'voice'").bind("id", id).execute();
            h.createUpdate("""
                            insert into ai_analysis (recording_id, kind, model, score, report)
                            values (:id, 'voice', 'voicely-audio', :score, cast(:report as jsonb))""")
                    .bind("id", id).bind("score", accuracy.map(NoteAccuracy::score).orElse(null))
                    .bind("report", report.toString()).execute();
            h.createUpdate("delete from transcriptions where recording_id = :id").bind("id", id).execute();
            transcript.ifPresent(t -> h.createUpdate("""
                            insert into transcriptions (recording_id, language, model, text, segments)
                            values (:id, :lang, :model, :text, cast(:segments as jsonb))""")
                    .bind("id", id).bind("lang", t.language()).bind("model", transcriber.description())
                    .bind("text", t.text()).bind("segments", segments(t).toString()).execute());
            h.createUpdate("update recordings set status = 'analyzed', error = null, duration_ms = :ms where id = :id")
                    .bind("id", id).bind("ms", (int) Math.round(audio.durationSeconds() * 1000)).execute();
        });
    }

    private void fail(UUID id, String reason, Exception cause) {
        log.info("Recording {} not analysed ({}): {}", id, reason, cause.getMessage());
        db.useContext(SessionContext.system(), h -> h.createUpdate(
                        "update recordings set status = 'failed', error = :reason where id = :id and status <> 'analyzed'")
                .bind("id", id).bind("reason", reason).execute());
    }

    private static ArrayNode segments(Transcript transcript) {
        ArrayNode segments = JsonNodeFactory.instance.arrayNode();
        transcript.segments().forEach(s -> segments.addObject().put("startMs", s.startMs()).put("endMs", s.endMs()).put("text", s.text()));
        return segments;
    }

    private record Waiting(String blobKey, List<String> targetNotes, UUID userId, Instant createdAt) {
    }
}
