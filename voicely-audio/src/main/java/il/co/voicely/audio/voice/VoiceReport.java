package il.co.voicely.audio.voice;

import java.util.List;
import java.util.Optional;

/**
 * What a recording says about a voice. Values that silence or unvoiced audio leave undefined are
 * empty {@code Optional}s, never zeros.
 *
 * @param durationSeconds length of the analysed audio
 * @param voicedFraction  fraction of 10 ms frames that are voiced
 * @param pitch           F0 statistics over voiced frames
 * @param range           lowest and highest held notes, and the tessitura
 * @param stabilityCents  standard deviation (cents) of F0 around each held note's median, pooled;
 *                        includes vibrato, whose share {@link #vibrato} reports
 * @param vibrato         rate and extent over held notes where a regular 3.5–8 Hz oscillation is found
 * @param perturbation    jitter and shimmer (Praat's definitions)
 * @param hnrDb           mean harmonics-to-noise ratio over voiced frames, in dB (as Praat's voice report)
 * @param loudness        level of the recording
 * @param phrases         voiced stretches, joined across gaps shorter than 300 ms
 */
public record VoiceReport(double durationSeconds, double voicedFraction, Optional<PitchSummary> pitch,
                          Optional<VocalRange> range, Optional<Double> stabilityCents, Optional<Vibrato> vibrato,
                          Optional<Perturbation> perturbation, Optional<Double> hnrDb, Loudness loudness,
                          List<Phrase> phrases) {

    /** Copies the phrase list. */
    public VoiceReport {
        phrases = List.copyOf(phrases);
    }

    /**
     * F0 statistics over voiced frames.
     *
     * @param medianHz median F0
     * @param meanHz   mean F0
     * @param p05Hz    5th percentile
     * @param p95Hz    95th percentile
     */
    public record PitchSummary(double medianHz, double meanHz, double p05Hz, double p95Hz) {
        /** @return the note nearest the median */
        public Note medianNote() {
            return Note.nearest(medianHz);
        }
    }

    /**
     * Vocal range of this recording.
     *
     * @param lowest        lowest note held for at least 200 ms
     * @param highest       highest note held for at least 200 ms
     * @param tessituraLow  10th percentile of sung time: where the comfortable part of the voice starts
     * @param tessituraHigh 90th percentile of sung time
     */
    public record VocalRange(Note lowest, Note highest, Note tessituraLow, Note tessituraHigh) {
        /** @return range in semitones */
        public int semitones() {
            return highest.midi() - lowest.midi();
        }
    }

    /**
     * Vibrato over held notes.
     *
     * @param rateHz        oscillations per second (classical singers: about 5–7 Hz)
     * @param extentCents   semi-extent: the peak deviation from the note's centre, in cents
     * @param heldFraction  share of held-note time in which vibrato was found
     */
    public record Vibrato(double rateHz, double extentCents, double heldFraction) {
    }

    /**
     * Level of the recording.
     *
     * @param rmsDbfs  RMS level in dBFS (a full-scale sine reads −3 dBFS)
     * @param peakDbfs sample peak in dBFS
     * @param lufs     integrated loudness per ITU-R BS.1770-4 (K-weighted, gated), when measurable
     */
    public record Loudness(Optional<Double> rmsDbfs, Optional<Double> peakDbfs, Optional<Double> lufs) {
    }

    /**
     * A phrase: sound between breaths.
     *
     * @param startSeconds start time
     * @param endSeconds   end time
     */
    public record Phrase(double startSeconds, double endSeconds) {
        /** @return length in seconds */
        public double seconds() {
            return endSeconds - startSeconds;
        }
    }
}
