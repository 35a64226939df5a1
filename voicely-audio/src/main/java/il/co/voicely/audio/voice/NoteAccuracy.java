package il.co.voicely.audio.voice;

import il.co.voicely.audio.pitch.PitchTrack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How well a student hit a sequence of target notes.
 *
 * <pre>{@code
 * List<Note> scale = Stream.of("C4", "D4", "E4", "F4", "G4").map(Note::parse).toList();
 * NoteAccuracy result = NoteAccuracy.inOrder(track, scale);            // free tempo
 * NoteAccuracy timed = NoteAccuracy.timed(track, NoteTarget.evenly(scale, 0.5, 1.0));  // with a backing track
 * System.out.printf("%.0f/100%n", result.score());
 * }</pre>
 *
 * A note's score is half its time on pitch (within ±50 cents, a quarter tone either side) and half
 * how close its centre is: {@code 100 × (0.5·onPitch + 0.5·max(0, 1 − |centre cents| / 100))}. So a
 * note sung steadily 40 cents sharp — "on pitch" by the ±50 rule, but audibly sharp — scores 80, an
 * in-tune note near 100, a missed note 0. The overall score is the mean over target notes.
 *
 * @param notes per target note, in order
 * @param score overall 0–100
 */
public record NoteAccuracy(List<NoteScore> notes, double score) {
    /** Cents either side of the target counted as "on pitch". */
    public static final double ON_PITCH_CENTS = 50;

    /** Copies the list. */
    public NoteAccuracy {
        notes = List.copyOf(notes);
    }

    /**
     * One target note's result.
     *
     * @param target          the note asked for
     * @param deviationCents  deviation of the note's centre (trimmed mean) from the target from the target (positive = sharp); empty if not sung
     * @param onPitchFraction fraction of the note's time within ±50 cents of the target
     * @param startSeconds    where the sung note starts (the target's start for timed scoring)
     * @param endSeconds      where it ends
     * @param score           0–100
     */
    public record NoteScore(Note target, Optional<Double> deviationCents, double onPitchFraction,
                            double startSeconds, double endSeconds, double score) {
    }

    /**
     * Scores against targets with known times. The first 15% of each target's interval is not
     * scored: a singer needs a moment to land on a note.
     */
    public static NoteAccuracy timed(PitchTrack track, List<NoteTarget> targets) {
        List<NoteScore> scores = new ArrayList<>();
        for (NoteTarget target : targets) {
            double from = target.startSeconds() + 0.15 * (target.endSeconds() - target.startSeconds());
            int a = Math.max(0, (int) Math.ceil((from - track.firstTime()) / track.timeStep()));
            int b = Math.min(track.frameCount() - 1, (int) Math.floor((target.endSeconds() - track.firstTime()) / track.timeStep()));
            scores.add(score(track, target.note(), a, b, target.startSeconds(), target.endSeconds()));
        }
        return of(scores);
    }

    /**
     * Scores against notes sung in order at any tempo: the track is split into held notes, which are
     * aligned to the targets by dynamic programming (a held note may be extra — a scoop or a repeat —
     * and a target may be missed; both cost).
     */
    public static NoteAccuracy inOrder(PitchTrack track, List<Note> targets) {
        List<HeldNotes.Segment> sung = HeldNotes.find(track, 0.12);
        int m = sung.size();
        int n = targets.size();
        double extra = 1.0;
        double missed = 3.0;
        double[][] cost = new double[m + 1][n + 1];
        int[][] move = new int[m + 1][n + 1];
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= n; j++) {
                if (i == 0 && j == 0) {
                    continue;
                }
                double best = Double.POSITIVE_INFINITY;
                int arg = 0;
                if (i > 0 && j > 0) {
                    double c = cost[i - 1][j - 1] + Math.min(6, Math.abs(Note.cents(sung.get(i - 1).medianHz(), targets.get(j - 1).hz())) / 100);
                    if (c < best) {
                        best = c;
                        arg = 1;
                    }
                }
                if (i > 0 && cost[i - 1][j] + extra < best) {
                    best = cost[i - 1][j] + extra;
                    arg = 2;
                }
                if (j > 0 && cost[i][j - 1] + missed < best) {
                    best = cost[i][j - 1] + missed;
                    arg = 3;
                }
                cost[i][j] = best;
                move[i][j] = arg;
            }
        }
        NoteScore[] scores = new NoteScore[n];
        for (int i = m, j = n; i > 0 || j > 0; ) {
            switch (move[i][j]) {
                case 1 -> {
                    var s = sung.get(i - 1);
                    scores[j - 1] = score(track, targets.get(j - 1), s.from(), s.to(), track.time(s.from()), track.time(s.to()));
                    i--;
                    j--;
                }
                case 2 -> i--;
                default -> {
                    scores[j - 1] = new NoteScore(targets.get(j - 1), Optional.empty(), 0, 0, 0, 0);
                    j--;
                }
            }
        }
        return of(Arrays.asList(scores));
    }

    private static NoteScore score(PitchTrack track, Note target, int from, int to, double start, double end) {
        int frames = Math.max(0, to - from + 1);
        double[] cents = new double[frames];
        int voiced = 0;
        int onPitch = 0;
        for (int i = from; i <= to; i++) {
            if (track.isVoiced(i)) {
                double c = Note.cents(track.f0Hz()[i], target.hz());
                cents[voiced++] = c;
                if (Math.abs(c) <= ON_PITCH_CENTS) {
                    onPitch++;
                }
            }
        }
        if (voiced == 0) {
            return new NoteScore(target, Optional.empty(), 0, start, end, 0);
        }
        double centre = centre(cents, voiced);
        double fraction = onPitch / (double) frames;
        double score = 100 * (0.5 * fraction + 0.5 * Math.max(0, 1 - Math.abs(centre) / 100));
        return new NoteScore(target, Optional.of(centre), fraction, start, end, score);
    }

    /**
     * The note's centre: the mean of frames within 100 cents of the median. A median alone is pulled
     * toward one side when a vibrato covers a fractional number of cycles; the mean is not, and the
     * trimming keeps scoops and cracks out of it.
     */
    private static double centre(double[] cents, int count) {
        double median = HeldNotes.median(cents, 0, count - 1);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (Math.abs(cents[i] - median) <= 100) {
                sum += cents[i];
                n++;
            }
        }
        return sum / n;
    }

    private static NoteAccuracy of(List<NoteScore> scores) {
        double total = scores.stream().mapToDouble(NoteScore::score).average().orElse(0);
        return new NoteAccuracy(scores, total);
    }
}
