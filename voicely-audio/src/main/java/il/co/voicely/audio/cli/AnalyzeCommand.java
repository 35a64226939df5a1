package il.co.voicely.audio.cli;

import il.co.voicely.audio.decode.AudioDecodeException;
import il.co.voicely.audio.decode.AudioDecoder;
import il.co.voicely.audio.decode.DecodedAudio;
import il.co.voicely.audio.pitch.PitchDetector;
import il.co.voicely.audio.pitch.PitchSettings;
import il.co.voicely.audio.pitch.PitchTrack;
import il.co.voicely.audio.voice.Note;
import il.co.voicely.audio.voice.Perturbation;
import il.co.voicely.audio.voice.VoiceAnalyzer;
import il.co.voicely.audio.voice.VoiceReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code analyze <audio file> [--json | --track] [--speech] [--max-minutes N]}: the voice report of
 * one recording, for the {@code ./voicely} CLI and for scripts.
 * <ul>
 *   <li>{@code --json}: one JSON object ({@code duration_s}, {@code f0_median_hz}, …, {@code null} where
 *       undefined, e.g. on silence);</li>
 *   <li>{@code --track}: the pitch track as CSV {@code time_s,f0_hz}, 10 ms step, 0 when unvoiced; streamed,
 *       so it works on lessons of up to 4 hours;</li>
 *   <li>neither: a short human-readable summary.</li>
 * </ul>
 * The full report decodes into memory and is capped at {@code --max-minutes} (default 30).
 * Exit status 0 on success, 1 when the file cannot be read (one line on stderr), 2 on bad usage.
 */
public final class AnalyzeCommand {
    private static final int ANALYSIS_RATE = 22_050;

    private AnalyzeCommand() {
    }

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command.
     *
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("analyze: " + e.getMessage() + "; usage: analyze <audio file> [--json | --track] [--speech] [--max-minutes N]");
            return 2;
        }
        PitchSettings settings = options.speech() ? PitchSettings.speech() : PitchSettings.singing();
        // The track streams, so it takes lessons of any length; the full report holds the samples.
        AudioDecoder decoder = AudioDecoder.builder().sampleRate(ANALYSIS_RATE).maxDuration(Duration.ofMinutes(
                options.track() ? Math.max(options.maxMinutes(), 240) : options.maxMinutes())).build();
        Path file = options.file();
        try {
            if (options.track()) {
                printTrack(PitchDetector.create(settings).analyze(decoder, file), out);
            } else {
                DecodedAudio audio = decoder.decodeAll(file);
                VoiceReport report = VoiceAnalyzer.create(settings).analyze(audio);
                out.println(options.json() ? ReportJson.write(fields(report)) : summary(report));
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("analyze: file '" + file + "' does not exist");
        } catch (AudioDecodeException e) {
            err.println("analyze: " + e.getMessage());
        } catch (IOException e) {
            err.println("analyze: cannot read '" + file + "': " + e.getMessage());
        }
        return 1;
    }

    private static void printTrack(PitchTrack pitch, PrintStream out) {
        out.println("time_s,f0_hz");
        for (int i = 0; i < pitch.frameCount(); i++) {
            out.println(String.format(Locale.ROOT, "%.3f,%.2f", pitch.time(i), pitch.f0Hz()[i]));
        }
    }

    private record Options(Path file, boolean json, boolean track, boolean speech, long maxMinutes) {
        static Options parse(String[] args) {
            Path file = null;
            boolean json = false;
            boolean track = false;
            boolean speech = false;
            long maxMinutes = 30;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--json" -> json = true;
                    case "--track" -> track = true;
                    case "--speech" -> speech = true;
                    case "--max-minutes" -> {
                        if (i + 1 >= args.length || !args[i + 1].matches("\\d{1,6}")) {
                            throw new IllegalArgumentException("--max-minutes needs a whole number");
                        }
                        maxMinutes = Math.max(1, Long.parseLong(args[++i]));
                    }
                    default -> {
                        if (args[i].startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                        }
                        file = Path.of(args[i]);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("no audio file given");
            }
            if (json && track) {
                throw new IllegalArgumentException("choose one of --json and --track");
            }
            return new Options(file, json, track, speech, maxMinutes);
        }
    }

    /** The report as flat snake_case fields, the JSON contract of {@code ./voicely analyze --json}. */
    static Map<String, Object> fields(VoiceReport r) {
        Map<String, Object> f = new LinkedHashMap<>();
        var pitch = r.pitch();
        var range = r.range();
        var p = r.perturbation();
        f.put("duration_s", r.durationSeconds());
        f.put("f0_median_hz", pitch.map(VoiceReport.PitchSummary::medianHz).orElse(null));
        f.put("f0_mean_hz", pitch.map(VoiceReport.PitchSummary::meanHz).orElse(null));
        f.put("f0_p05_hz", pitch.map(VoiceReport.PitchSummary::p05Hz).orElse(null));
        f.put("f0_p95_hz", pitch.map(VoiceReport.PitchSummary::p95Hz).orElse(null));
        f.put("voiced_fraction", r.voicedFraction());
        f.put("range_low_note", range.map(x -> x.lowest().name()).orElse(null));
        f.put("range_high_note", range.map(x -> x.highest().name()).orElse(null));
        f.put("range_low_solfege", range.map(x -> x.lowest().solfege()).orElse(null));
        f.put("range_high_solfege", range.map(x -> x.highest().solfege()).orElse(null));
        f.put("tessitura_low_note", range.map(x -> x.tessituraLow().name()).orElse(null));
        f.put("tessitura_high_note", range.map(x -> x.tessituraHigh().name()).orElse(null));
        f.put("stability_cents", r.stabilityCents().orElse(null));
        f.put("vibrato_rate_hz", r.vibrato().map(VoiceReport.Vibrato::rateHz).orElse(null));
        f.put("vibrato_extent_cents", r.vibrato().map(VoiceReport.Vibrato::extentCents).orElse(null));
        f.put("jitter_local_pct", value(p, Perturbation::jitterLocalPct));
        f.put("jitter_rap_pct", value(p, Perturbation::jitterRapPct));
        f.put("jitter_ppq5_pct", value(p, Perturbation::jitterPpq5Pct));
        f.put("shimmer_local_pct", value(p, Perturbation::shimmerLocalPct));
        f.put("shimmer_apq3_pct", value(p, Perturbation::shimmerApq3Pct));
        f.put("shimmer_apq5_pct", value(p, Perturbation::shimmerApq5Pct));
        f.put("hnr_db", r.hnrDb().orElse(null));
        f.put("loudness_dbfs", r.loudness().rmsDbfs().orElse(null));
        f.put("peak_dbfs", r.loudness().peakDbfs().orElse(null));
        f.put("loudness_lufs", r.loudness().lufs().orElse(null));
        List<VoiceReport.Phrase> phrases = r.phrases();
        f.put("phrase_count", phrases.size());
        f.put("phrase_mean_s", phrases.isEmpty() ? null : phrases.stream().mapToDouble(VoiceReport.Phrase::seconds).average().orElseThrow());
        f.put("phrase_max_s", phrases.isEmpty() ? null : phrases.stream().mapToDouble(VoiceReport.Phrase::seconds).max().orElseThrow());
        return f;
    }

    private static Double value(Optional<Perturbation> p, Function<Perturbation, Double> get) {
        return p.map(get).orElse(null);
    }

    private static String summary(VoiceReport r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "duration %.1f s, voiced %.0f%%%n",
                r.durationSeconds(), 100 * r.voicedFraction()));
        r.pitch().ifPresentOrElse(p -> s.append(String.format(Locale.ROOT, "pitch: median %.1f Hz (%s), 5–95%% %.1f–%.1f Hz%n",
                p.medianHz(), label(Note.nearest(p.medianHz())), p.p05Hz(), p.p95Hz())), () -> s.append("pitch: no voice found\n"));
        r.range().ifPresent(x -> s.append("range: ").append(label(x.lowest())).append(" – ").append(label(x.highest()))
                .append(", tessitura ").append(x.tessituraLow()).append("–").append(x.tessituraHigh()).append('\n'));
        r.vibrato().ifPresent(v -> s.append(String.format(Locale.ROOT, "vibrato: %.1f Hz, ±%.0f cents%n", v.rateHz(), v.extentCents())));
        r.perturbation().ifPresent(p -> s.append(String.format(Locale.ROOT, "jitter %.2f%%, shimmer %.2f%%%n",
                p.jitterLocalPct(), p.shimmerLocalPct())));
        r.hnrDb().ifPresent(h -> s.append(String.format(Locale.ROOT, "HNR %.1f dB%n", h)));
        r.loudness().rmsDbfs().ifPresent(l -> s.append(String.format(Locale.ROOT, "level %.1f dBFS", l)));
        r.loudness().lufs().ifPresent(l -> s.append(String.format(Locale.ROOT, ", %.1f LUFS", l)));
        return s.toString().stripTrailing();
    }

    private static String label(Note n) {
        return n.name() + " / " + n.solfege() + " / " + n.hebrew();
    }
}
