package il.co.voicely.audio.decode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decodes any audio FFmpeg understands (WebM/Opus, Ogg/Opus, MP4/AAC, M4A, WAV, MP3, FLAC, …) into
 * mono float PCM at a requested sample rate. FFmpeg mixes channels down and resamples (swresample).
 *
 * <pre>{@code
 * AudioDecoder decoder = AudioDecoder.builder().sampleRate(16_000).maxDuration(Duration.ofMinutes(100)).build();
 * DecodedAudio clip = decoder.decodeAll(Path.of("note.ogg"));          // short clips
 * decoder.decode(Path.of("lesson.webm"), (block, n) -> meter.add(block, n)); // 90-minute lessons, streamed
 * }</pre>
 *
 * Instances are immutable and thread-safe; each call opens its own FFmpeg contexts.
 */
public final class AudioDecoder {
    private final int sampleRate;
    private final Duration maxDuration;
    private final long maxBytes;

    private AudioDecoder(Builder b) {
        this.sampleRate = b.sampleRate;
        this.maxDuration = b.maxDuration;
        this.maxBytes = b.maxBytes;
    }

    /** @return a builder with 44.1 kHz output, a 3-hour duration limit and a 2 GiB size limit */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the output sample rate in Hz */
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Streams the decoded samples to {@code consumer} in blocks, never holding the whole input.
     *
     * @return what the input contained
     * @throws UnsupportedAudioFormatException input is not decodable audio
     * @throws AudioLimitExceededException     input exceeds the size or duration limit
     * @throws IOException                     the file cannot be read
     */
    public AudioInfo decode(Path file, PcmBlockConsumer consumer) throws IOException {
        Objects.requireNonNull(consumer, "consumer");
        checkFile(file);
        return FfmpegDecoding.run(file, sampleRate, maxSamples(), consumer);
    }

    /**
     * Decodes a whole (short) input into memory.
     *
     * @throws UnsupportedAudioFormatException input is not decodable audio
     * @throws AudioLimitExceededException     input exceeds the size or duration limit
     * @throws IOException                     the file cannot be read
     */
    public DecodedAudio decodeAll(Path file) throws IOException {
        var buffer = new Object() {
            float[] data = new float[sampleRate * 4];
            int size;
        };
        AudioInfo info = decode(file, (block, n) -> {
            if (buffer.size + n > buffer.data.length) {
                buffer.data = Arrays.copyOf(buffer.data, Math.max(buffer.size + n, buffer.data.length * 2));
            }
            System.arraycopy(block, 0, buffer.data, buffer.size, n);
            buffer.size += n;
        });
        return new DecodedAudio(Arrays.copyOf(buffer.data, buffer.size), sampleRate, info);
    }

    private long maxSamples() {
        return (long) Math.ceil(maxDuration.toNanos() / 1e9 * sampleRate);
    }

    private void checkFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new AudioLimitExceededException("file '%s' is %d bytes, over the limit of %d bytes"
                    .formatted(file.getFileName(), size, maxBytes));
        }
        if (size == 0) {
            throw new UnsupportedAudioFormatException("file '%s' is empty".formatted(file.getFileName()));
        }
    }

    /** Configures an {@link AudioDecoder}. */
    public static final class Builder {
        private int sampleRate = 44_100;
        private Duration maxDuration = Duration.ofHours(3);
        private long maxBytes = 2L << 30;

        private Builder() {
        }

        /** @param hz output sample rate, 8000–192000 */
        public Builder sampleRate(int hz) {
            if (hz < 8_000 || hz > 192_000) {
                throw new IllegalArgumentException("sample rate " + hz + " Hz is outside 8000–192000");
            }
            this.sampleRate = hz;
            return this;
        }

        /** @param limit longest input accepted; decoding stops with an exception past it */
        public Builder maxDuration(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("duration limit must be positive: " + limit);
            }
            this.maxDuration = limit;
            return this;
        }

        /** @param limit largest file accepted, in bytes */
        public Builder maxBytes(long limit) {
            if (limit <= 0) {
                throw new IllegalArgumentException("size limit must be positive: " + limit);
            }
            this.maxBytes = limit;
            return this;
        }

        /** @return the decoder */
        public AudioDecoder build() {
            return new AudioDecoder(this);
        }
    }
}
