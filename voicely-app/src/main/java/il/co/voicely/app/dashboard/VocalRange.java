package il.co.voicely.app.dashboard;

import java.util.Locale;

/**
 * A sung range in MIDI semitones (A4 = 69), as the recording analysis reported it.
 *
 * @param low  the lowest sustained note
 * @param high the highest sustained note
 */
public record VocalRange(double low, double high) {

    private static final String[] NAMES = {"C", "C♯", "D", "D♯", "E", "F", "F♯", "G", "G♯", "A", "A♯", "B"};

    /** The width in semitones. */
    public double semitones() {
        return high - low;
    }

    /** The width rounded to whole semitones, for the card. */
    public long roundedSemitones() {
        return Math.round(semitones());
    }

    /** e.g. {@code G3 – C5}: scientific pitch names of the nearest notes (C4 is middle C, MIDI 60). */
    public String notes() {
        return name(low) + " – " + name(high);
    }

    static String name(double semitone) {
        long midi = Math.round(semitone);
        return NAMES[(int) Math.floorMod(midi, 12L)] + String.format(Locale.ROOT, "%d", Math.floorDiv(midi, 12L) - 1);
    }
}
