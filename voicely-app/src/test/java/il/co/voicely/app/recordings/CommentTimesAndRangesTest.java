package il.co.voicely.app.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The small parsers behind comments' times and the audio route's byte ranges. */
class CommentTimesAndRangesTest {

    @Test
    void commentTimesAreMinutesAndSecondsOrPlainSeconds() {
        assertThat(Comments.parse("1:05")).hasValue(65_000);
        assertThat(Comments.parse("65")).hasValue(65_000);
        assertThat(Comments.parse("3.5")).hasValue(3_500);
        assertThat(Comments.parse("1:75")).isEmpty();
        assertThat(Comments.parse("soon")).isEmpty();
        assertThat(Comments.clock(65_400)).isEqualTo("1:05");
    }

    @Test
    void oneByteRangeIsServedAndAnythingElseGetsTheWholeFile() {
        assertThat(ByteRange.parse("bytes=0-3", 100)).hasValue(new ByteRange(0, 3));
        assertThat(ByteRange.parse("bytes=90-", 100)).hasValue(new ByteRange(90, 99));
        assertThat(ByteRange.parse("bytes=-10", 100)).hasValue(new ByteRange(90, 99));
        assertThat(ByteRange.parse("bytes=50-500", 100)).hasValue(new ByteRange(50, 99));
        assertThat(ByteRange.parse("bytes=200-300", 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isEmpty();
        assertThat(ByteRange.parse("items=0-1", 100)).isEmpty();
    }
}
