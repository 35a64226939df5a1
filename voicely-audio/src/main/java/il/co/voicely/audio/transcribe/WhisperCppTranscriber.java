package il.co.voicely.audio.transcribe;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Transcribes in-process with whisper.cpp ({@code io.github.givimad:whisper-jni}, natives inside the jar)
 * from a ggml model file such as {@code ggml-base.bin} or {@code ggml-small.bin}.
 *
 * <pre>{@code
 * try (WhisperCppTranscriber whisper = WhisperCppTranscriber.builder(Path.of("models/ggml-small.bin")).build()) {
 *     Transcript t = whisper.transcribe(Path.of("voice-note.ogg"));
 * }
 * }</pre>
 *
 * No model ships with Voicely (none is in a package registry): {@link WhisperModelDownloader} fetches one
 * for a user with internet. {@link Builder#build()} fails with a {@link TranscriberUnavailableException}
 * that names the missing file and where to get one. Audio is decoded at 16 kHz and fed in chunks of at
 * most {@link Builder#maxChunk} (cut at pauses), so memory stays bounded on long lessons. One model
 * context serves one transcription at a time; {@link #close()} frees it.
 */
public final class WhisperCppTranscriber implements Transcriber, AutoCloseable {
    /** A ggml whisper model begins with the magic 0x67676d6c ("ggml"), stored little-endian. */
    private static final byte[] GGML_MAGIC = {0x6c, 0x6d, 0x67, 0x67};
    static final String MODEL_HELP = "download one (ggml-base.bin, 142 MB, or ggml-small.bin, 466 MB, for Hebrew) from "
            + "https://huggingface.co/ggerganov/whisper.cpp (see whisper.cpp's models/README.md) into $VOICELY_HOME/models, "
            + "e.g. with WhisperModelDownloader";
    private static final Object NATIVE_LOCK = new Object();
    private static volatile boolean nativeLoaded;

    private final Path model;
    private final String language;
    private final int threads;
    private final AudioChunker chunker;
    private final WhisperJNI whisper;
    private final WhisperContext context;
    private boolean closed;

    private WhisperCppTranscriber(Builder b, WhisperJNI whisper, WhisperContext context) {
        this.model = b.model;
        this.language = b.language;
        this.threads = b.threads;
        this.chunker = new AudioChunker(b.maxChunk, Duration.ofSeconds(20), b.maxDuration);
        this.whisper = whisper;
        this.context = context;
    }

    /** @param model path of a whisper.cpp ggml model, e.g. {@code ~/.voicely/models/ggml-small.bin} */
    public static Builder builder(Path model) {
        return new Builder(model);
    }

    /**
     * Loads whisper.cpp's native library (once per JVM) and reports what it was built with.
     *
     * @return whisper.cpp's system info, e.g. {@code AVX = 1 | AVX2 = 1 | …}
     * @throws TranscriberUnavailableException the library does not load on this OS or CPU
     */
    public static String nativeLibraryInfo() throws TranscriberUnavailableException {
        loadNative();
        return new WhisperJNI().getSystemInfo();
    }

    @Override
    public synchronized Transcript transcribe(Path audio) throws IOException {
        if (closed) {
            throw new TranscriberUnavailableException("whisper.cpp transcriber for '%s' is closed".formatted(model.getFileName()));
        }
        List<Transcript.Segment> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        chunker.split(audio, (samples, length, offsetSamples) -> {
            long offsetMs = offsetSamples * 1000 / AudioChunker.RATE;
            int status = whisper.full(context, params(), samples, length);
            if (status != 0) {
                throw new TranscriptionException("whisper.cpp failed (status %d) on '%s' at %d ms with model '%s'"
                        .formatted(status, audio.getFileName(), offsetMs, model));
            }
            for (int i = 0, n = whisper.fullNSegments(context); i < n; i++) {
                // whisper.cpp counts segment times in centiseconds.
                long start = whisper.fullGetSegmentTimestamp0(context, i) * 10 + offsetMs;
                long end = Math.max(start, whisper.fullGetSegmentTimestamp1(context, i) * 10 + offsetMs);
                String said = whisper.fullGetSegmentText(context, i).strip();
                if (!said.isEmpty()) {
                    segments.add(new Transcript.Segment(start, end, said));
                    text.append(text.isEmpty() ? "" : " ").append(said);
                }
            }
        });
        return new Transcript(Objects.requireNonNullElse(language, "auto"), text.toString(), segments, List.of());
    }

    private WhisperFullParams params() {
        WhisperFullParams p = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        // "auto" detects; whisper.cpp's detect_language flag would stop after detecting.
        p.language = language == null ? "auto" : language;
        p.nThreads = threads;
        p.translate = false;
        p.printProgress = false;
        p.printRealtime = false;
        p.printTimestamps = false;
        p.printSpecial = false;
        return p;
    }

    @Override
    public String description() {
        return "whisper.cpp in-process (" + model.getFileName() + ")";
    }

    /** Frees the model context. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            context.close(); // frees native memory; a second free would crash the JVM
        }
    }

    static void checkModelFile(Path model) throws TranscriberUnavailableException {
        if (!Files.exists(model)) {
            throw new TranscriberUnavailableException("whisper.cpp model file '%s' does not exist; %s"
                    .formatted(model.toAbsolutePath(), MODEL_HELP));
        }
        if (!Files.isRegularFile(model) || !Files.isReadable(model)) {
            throw new TranscriberUnavailableException("whisper.cpp model '%s' is not a readable file".formatted(model.toAbsolutePath()));
        }
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(model)) {
            read = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new TranscriberUnavailableException("whisper.cpp model '%s' cannot be read: %s".formatted(model.toAbsolutePath(), e), e);
        }
        // Checked here because whisper.cpp answers a wrong file only on stderr, and a GGUF or PyTorch
        // file is an easy mistake to make.
        if (read < 4 || !java.util.Arrays.equals(head, GGML_MAGIC)) {
            throw new TranscriberUnavailableException(("file '%s' is not a whisper.cpp ggml model (it does not start with "
                    + "the ggml magic); %s").formatted(model.toAbsolutePath(), MODEL_HELP));
        }
    }

    private static void loadNative() throws TranscriberUnavailableException {
        synchronized (NATIVE_LOCK) {
            if (nativeLoaded) {
                return;
            }
            try {
                WhisperJNI.loadLibrary();
            } catch (IOException | LinkageError e) {
                throw new TranscriberUnavailableException("whisper.cpp's native library does not load on %s/%s: %s"
                        .formatted(System.getProperty("os.name"), System.getProperty("os.arch"), e), e);
            }
            nativeLoaded = true;
        }
    }

    /** Configures a {@link WhisperCppTranscriber}. */
    public static final class Builder {
        private final Path model;
        private String language = "he";
        private int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private Duration maxChunk = Duration.ofMinutes(10);
        private Duration maxDuration = Duration.ofHours(4);

        private Builder(Path model) {
            this.model = Objects.requireNonNull(model, "model");
        }

        /** @param isoCode ISO-639-1 language such as {@code he}; null lets whisper detect it */
        public Builder language(String isoCode) {
            this.language = isoCode == null || isoCode.isBlank() ? null : isoCode.strip();
            return this;
        }

        /** @param n CPU threads whisper.cpp may use */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + n);
            }
            this.threads = n;
            return this;
        }

        /** @param length longest piece of audio decoded into memory and transcribed at once */
        public Builder maxChunk(Duration length) {
            if (length.compareTo(Duration.ofSeconds(30)) < 0) {
                throw new IllegalArgumentException("chunks shorter than whisper's 30 s window waste context: " + length);
            }
            this.maxChunk = length;
            return this;
        }

        /** @param limit longest recording accepted */
        public Builder maxDuration(Duration limit) {
            this.maxDuration = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /**
         * Checks the model file, loads the native library and the model.
         *
         * @throws TranscriberUnavailableException the file is missing or not a model, or the library does
         *                                         not load; the message says which and how to fix it
         */
        public WhisperCppTranscriber build() throws TranscriberUnavailableException {
            checkModelFile(model);
            loadNative();
            WhisperJNI whisper = new WhisperJNI();
            WhisperContext context;
            try {
                context = whisper.init(model);
            } catch (IOException e) {
                throw new TranscriberUnavailableException("whisper.cpp cannot open model '%s': %s".formatted(model.toAbsolutePath(), e), e);
            }
            if (context == null) {
                throw new TranscriberUnavailableException(("whisper.cpp could not load model '%s' (truncated or damaged? "
                        + "its log on stderr says why); %s").formatted(model.toAbsolutePath(), MODEL_HELP));
            }
            return new WhisperCppTranscriber(this, whisper, context);
        }
    }
}
