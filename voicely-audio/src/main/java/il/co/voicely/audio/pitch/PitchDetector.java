package il.co.voicely.audio.pitch;

import il.co.voicely.audio.decode.AudioDecoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Frame-wise F0 with a voicing decision by Boersma's (1993) autocorrelation method, the algorithm
 * behind Praat's "To Pitch (ac)…": a Hann-windowed autocorrelation divided by the window's own
 * autocorrelation, sinc-interpolated peaks as candidates, and a Viterbi path through the candidates
 * that charges for octave jumps and voicing switches — which is what keeps octave errors out.
 *
 * <pre>{@code
 * PitchTrack track = PitchDetector.create(PitchSettings.singing()).analyze(clip.samples(), clip.sampleRate());
 * double f0 = track.f0At(1.25);   // 0 when unvoiced
 * PitchTrack lesson = PitchDetector.create(PitchSettings.speech()).analyze(decoder, Path.of("lesson.webm")); // streamed
 * }</pre>
 *
 * Instances are immutable and thread-safe.
 */
public final class PitchDetector {
    private static final double PERIODS_PER_WINDOW = 3.0;
    private static final int SINC_DEPTH = 70;

    private final PitchSettings settings;

    private PitchDetector(PitchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @return a detector with these settings */
    public static PitchDetector create(PitchSettings settings) {
        return new PitchDetector(settings);
    }

    /** @return the settings in use */
    public PitchSettings settings() {
        return settings;
    }

    /**
     * Analyses mono samples.
     *
     * @param samples    mono PCM
     * @param sampleRate Hz; must exceed twice the ceiling
     * @return the track; empty when the audio is shorter than one analysis window
     */
    public PitchTrack analyze(float[] samples, int sampleRate) {
        if (sampleRate < 2 * settings.ceilingHz()) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz cannot represent a ceiling of "
                    + settings.ceilingHz() + " Hz");
        }
        var frames = new AutocorrelationFrames(settings, sampleRate);
        int count = frames.frameCount(samples.length);
        double firstTime = frames.firstTime(samples.length, count);
        var candidates = new Candidates[count];
        double globalPeak = globalPeak(samples);
        for (int i = 0; i < count; i++) {
            candidates[i] = frames.analyze(samples, 0, samples.length, firstTime + i * settings.timeStep(), globalPeak);
        }
        return ViterbiPath.choose(settings, firstTime, candidates);
    }

    /**
     * Analyses a recording of any length without holding its samples: one decoding pass finds the
     * length and the peak (Praat's silence threshold is relative to the whole recording's peak), a
     * second computes the frames from a sliding buffer of one analysis window. Memory grows only with
     * the number of frames (about 300 bytes per 10 ms frame).
     *
     * @param decoder decodes at the analysis rate (which must exceed twice the ceiling)
     * @return the same track {@link #analyze(float[], int)} gives on the decoded samples
     * @throws IOException as {@link AudioDecoder#decode} does
     */
    public PitchTrack analyze(AudioDecoder decoder, Path file) throws IOException {
        int rate = decoder.sampleRate();
        if (rate < 2 * settings.ceilingHz()) {
            throw new IllegalArgumentException("sample rate " + rate + " Hz cannot represent a ceiling of "
                    + settings.ceilingHz() + " Hz");
        }
        var stats = new Object() {
            long count;
            double sum;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
        };
        decoder.decode(file, (block, n) -> {
            for (int i = 0; i < n; i++) {
                stats.sum += block[i];
                stats.min = Math.min(stats.min, block[i]);
                stats.max = Math.max(stats.max, block[i]);
            }
            stats.count += n;
        });
        double mean = stats.sum / Math.max(1, stats.count);
        double globalPeak = stats.count == 0 ? 0 : Math.max(stats.max - mean, mean - stats.min);
        var frames = new AutocorrelationFrames(settings, rate);
        long total = stats.count;
        int count = frames.frameCount(total);
        double firstTime = frames.firstTime(total, count);
        var candidates = new Candidates[count];
        var window = new SlidingWindow();
        decoder.decode(file, (block, n) -> {
            window.append(block, n);
            while (window.next < count) {
                double t = firstTime + window.next * settings.timeStep();
                if (Math.min(frames.lastSample(t), total - 1) >= window.offset + window.length) {
                    break;
                }
                candidates[window.next++] = frames.analyze(window.samples, window.offset, total, t, globalPeak);
                if (window.next < count) {
                    window.dropBefore(frames.firstSample(firstTime + window.next * settings.timeStep()));
                }
            }
        });
        if (window.next < count) {
            throw new IOException("file '" + file.getFileName() + "' decoded to fewer samples on the second pass");
        }
        return ViterbiPath.choose(settings, firstTime, candidates);
    }

    /** The samples one frame needs, sliding along the stream. */
    private static final class SlidingWindow {
        float[] samples = new float[1 << 16];
        long offset;
        int length;
        int next;

        void append(float[] block, int n) {
            if (length + n > samples.length) {
                samples = java.util.Arrays.copyOf(samples, Math.max(samples.length * 2, length + n));
            }
            System.arraycopy(block, 0, samples, length, n);
            length += n;
        }

        void dropBefore(long absolute) {
            int drop = (int) Math.min(length, Math.max(0, absolute - offset));
            if (drop > length / 2) {
                System.arraycopy(samples, drop, samples, 0, length - drop);
                length -= drop;
                offset += drop;
            }
        }
    }

    private static double globalPeak(float[] x) {
        double mean = 0;
        for (float v : x) {
            mean += v;
        }
        mean /= Math.max(1, x.length);
        double peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v - mean));
        }
        return peak;
    }

    /** Per-frame candidates: index 0 is the unvoiced one (frequency 0). */
    record Candidates(double intensity, double[] frequency, double[] strength, int size) {
    }

    static int sincDepth() {
        return SINC_DEPTH;
    }

    static double periodsPerWindow() {
        return PERIODS_PER_WINDOW;
    }
}
