package il.co.voicely.audio.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NoteTest {
    @Test
    void concertAIsLaFour() {
        Note a4 = Note.nearest(440);
        assertThat(a4.name()).isEqualTo("A4");
        assertThat(a4.solfege()).isEqualTo("La4");
        assertThat(a4.hebrew()).isEqualTo("לה");
        assertThat(a4.midi()).isEqualTo(69);
    }

    @Test
    void middleCIsDoFour() {
        Note c4 = Note.nearest(261.63);
        assertThat(c4.name()).isEqualTo("C4");
        assertThat(c4.solfege()).isEqualTo("Do4");
        assertThat(c4.hebrew()).isEqualTo("דו");
        assertThat(c4.hz()).isCloseTo(261.626, within(0.001));
    }

    @Test
    void sharpsFlatsAndOctavesParse() {
        assertThat(Note.parse("C#5").name()).isEqualTo("C#5");
        assertThat(Note.parse("Bb3")).isEqualTo(Note.parse("A#3"));
        assertThat(Note.parse("E2").solfege()).isEqualTo("Mi2");
        assertThat(Note.parse("F#3").hebrew()).isEqualTo("פה#");
        assertThat(Note.parse("B3").solfege()).isEqualTo("Si3");
        assertThatThrownBy(() -> Note.parse("H2")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'H2'");
    }

    @Test
    void centsAreSigned() {
        assertThat(Note.cents(466.16, 440)).isCloseTo(100, within(0.1));
        assertThat(Note.cents(415.30, 440)).isCloseTo(-100, within(0.1));
    }
}
