package il.co.voicely.app.recordings;

import il.co.voicely.app.jobs.JobQueue;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import il.co.voicely.app.AppSettings;
import il.co.voicely.app.dashboard.GamificationBridge;
import il.co.voicely.audio.transcribe.Transcriber;
import il.co.voicely.audio.transcribe.Transcribers;
import il.co.voicely.core.blob.BlobStore;
import il.co.voicely.core.blob.FileSystemBlobStore;
import il.co.voicely.core.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Recordings' wiring: blobs under {@code $VOICELY_HOME/blobs}, the analysis pipeline on jobs, the transcriber
 * the settings choose. With none configured the transcriber says so and the pipeline skips it (never fake text).
 */
public final class RecordingsModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(Recordings.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    BlobStore blobs(AppSettings settings) {
        try {
            return FileSystemBlobStore.at(settings.home().resolve("blobs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the blob store under " + settings.home(), e);
        }
    }

    @Provides
    @Singleton
    Transcriber transcriber(AppSettings settings) {
        return Transcribers.create(settings.transcription());
    }

    @Provides
    @Singleton
    RecordingPipeline pipeline(Database db, BlobStore blobs, Transcriber transcriber, GamificationBridge gamification, JobQueue jobs) {
        return new RecordingPipeline(db, new RecordingAnalysis(db, blobs, transcriber, gamification), jobs);
    }
}
