package il.co.voicely.audio.voice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An equal-tempered note (A4 = 440 Hz), named in scientific pitch ({@code "A4"}, {@code "C#5"}), in
 * fixed-do solfège as taught in Israel ({@code "La4"}) and in Hebrew ({@code "לה"}).
 *
 * @param midi MIDI number: 60 is C4 (middle C), 69 is A4
 */
public record Note(int midi) implements Comparable<Note> {
    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    private static final String[] SOLFEGE = {"Do", "Do#", "Re", "Re#", "Mi", "Fa", "Fa#", "Sol", "Sol#", "La", "La#", "Si"};
    private static final String[] HEBREW = {"דו", "דו#", "רה", "רה#", "מי", "פה", "פה#", "סול", "סול#", "לה", "לה#", "סי"};
    private static final Pattern SCIENTIFIC = Pattern.compile("([A-Ga-g])([#b]?)(-?\\d)");

    /** @return the nearest note to a frequency */
    public static Note nearest(double hz) {
        if (!(hz > 0)) {
            throw new IllegalArgumentException("frequency must be positive: " + hz);
        }
        return new Note((int) Math.round(midiOf(hz)));
    }

    /** @param name scientific pitch such as {@code "A4"}, {@code "C#5"}, {@code "Bb3"} */
    public static Note parse(String name) {
        Matcher m = SCIENTIFIC.matcher(name.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a note in scientific pitch notation: '" + name + "'");
        }
        int pc = switch (Character.toUpperCase(m.group(1).charAt(0))) {
            case 'C' -> 0; case 'D' -> 2; case 'E' -> 4; case 'F' -> 5; case 'G' -> 7; case 'A' -> 9; default -> 11;
        };
        pc += m.group(2).equals("#") ? 1 : m.group(2).equals("b") ? -1 : 0;
        return new Note(12 * (Integer.parseInt(m.group(3)) + 1) + pc);
    }

    /** @return fractional MIDI number of a frequency */
    public static double midiOf(double hz) {
        return 69 + 12 * Math.log(hz / 440.0) / Math.log(2);
    }

    /** @return signed distance in cents from {@code referenceHz} to {@code hz} */
    public static double cents(double hz, double referenceHz) {
        return 1200 * Math.log(hz / referenceHz) / Math.log(2);
    }

    /** @return the note's frequency in Hz */
    public double hz() {
        return 440.0 * Math.pow(2, (midi - 69) / 12.0);
    }

    /** @return octave number in scientific pitch (C4 is middle C) */
    public int octave() {
        return Math.floorDiv(midi, 12) - 1;
    }

    /** @return scientific pitch, e.g. {@code "A4"} */
    public String name() {
        return NAMES[Math.floorMod(midi, 12)] + octave();
    }

    /** @return fixed-do solfège with octave, e.g. {@code "La4"} */
    public String solfege() {
        return SOLFEGE[Math.floorMod(midi, 12)] + octave();
    }

    /** @return Hebrew solfège syllable without octave, e.g. {@code "לה"} */
    public String hebrew() {
        return HEBREW[Math.floorMod(midi, 12)];
    }

    @Override
    public int compareTo(Note other) {
        return Integer.compare(midi, other.midi);
    }

    @Override
    public String toString() {
        return name();
    }
}
