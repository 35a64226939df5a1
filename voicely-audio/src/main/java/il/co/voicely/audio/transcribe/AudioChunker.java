package il.co.voicely.audio.transcribe;

import il.co.voicely.audio.decode.AudioDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Streams a recording as 16 kHz mono chunks of at most {@code maxChunk}, each cut at the quietest stretch
 * of its last {@code searchWindow}, so a word is rarely split between two requests. Only one chunk is in
 * memory at a time, so a 90-minute lesson costs one chunk's worth of samples.
 */
final class AudioChunker {
    /** Whisper models work on 16 kHz audio; sending more only costs upload bytes. */
    static final int RATE = 16_000;
    private static final int FRAME = RATE / 50; // 20 ms energy frames

    /** Receives one chunk; the array is reused after the call returns. */
    @FunctionalInterface
    interface ChunkSink {
        void accept(float[] samples, int length, long offsetSamples) throws IOException;
    }

    private final AudioDecoder decoder;
    private final int maxChunkSamples;
    private final int searchSamples;

    AudioChunker(Duration maxChunk, Duration searchWindow, Duration maxDuration) {
        this.maxChunkSamples = Math.toIntExact(maxChunk.toMillis() * RATE / 1000);
        this.searchSamples = (int) Math.min(maxChunkSamples / 2, searchWindow.toMillis() * RATE / 1000);
        this.decoder = AudioDecoder.builder().sampleRate(RATE).maxDuration(maxDuration).build();
    }

    /** Decodes {@code file} and hands its chunks to {@code sink} in order, while decoding. */
    void split(Path file, ChunkSink sink) throws IOException {
        var state = new Object() {
            final float[] buffer = new float[maxChunkSamples];
            int size;
            long offset;
        };
        try {
            decoder.decode(file, (block, n) -> {
                int at = 0;
                while (at < n) {
                    int take = Math.min(n - at, state.buffer.length - state.size);
                    System.arraycopy(block, at, state.buffer, state.size, take);
                    state.size += take;
                    at += take;
                    if (state.size == state.buffer.length) {
                        int cut = quietestCut(state.buffer, state.size);
                        emit(sink, state.buffer, cut, state.offset);
                        System.arraycopy(state.buffer, cut, state.buffer, 0, state.size - cut);
                        state.size -= cut;
                        state.offset += cut;
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause(); // a sink failure, tunnelled through the decoder's callback
        }
        if (state.size > 0) {
            sink.accept(state.buffer, state.size, state.offset);
        }
    }

    private static void emit(ChunkSink sink, float[] samples, int length, long offset) {
        try {
            sink.accept(samples, length, offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cut point: the middle of the longest run of near-minimum-energy 20 ms frames within the search
     * window at the end of the buffer (a pause between phrases), or the buffer's end when it has no window.
     */
    int quietestCut(float[] x, int size) {
        int frames = searchSamples / FRAME;
        if (frames < 1) {
            return size;
        }
        int start = size - frames * FRAME;
        double[] energy = new double[frames];
        double min = Double.MAX_VALUE;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = start + f * FRAME, end = i + FRAME; i < end; i++) {
                sum += x[i] * (double) x[i];
            }
            energy[f] = sum / FRAME;
            min = Math.min(min, energy[f]);
        }
        double threshold = min * 2 + 1e-10;
        int bestStart = 0;
        int bestLength = 0;
        for (int f = 0; f < frames; ) {
            if (energy[f] > threshold) {
                f++;
                continue;
            }
            int run = f;
            while (run < frames && energy[run] <= threshold) {
                run++;
            }
            if (run - f > bestLength) {
                bestStart = f;
                bestLength = run - f;
            }
            f = run;
        }
        return start + (bestStart * FRAME) + (bestLength * FRAME) / 2;
    }

    /** @return the samples as a 16-bit PCM mono WAV file's bytes */
    static byte[] wav(float[] samples, int length) throws IOException {
        byte[] pcm = new byte[length * 2];
        for (int i = 0; i < length; i++) {
            int v = (int) Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767.0);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (var in = new AudioInputStream(new ByteArrayInputStream(pcm), format, length);
             var out = new java.io.ByteArrayOutputStream(pcm.length + 64)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        }
    }

    /** @return bytes of a WAV file holding {@code samples} 16-bit samples */
    static long wavBytes(long samples) {
        return 44 + samples * 2;
    }
}
