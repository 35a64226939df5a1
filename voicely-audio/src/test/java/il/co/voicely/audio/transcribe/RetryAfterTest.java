package il.co.voicely.audio.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    @Test
    void readsDelaySecondsAndHttpDates() {
        assertThat(RetryAfter.parse("7")).contains(Duration.ofSeconds(7));
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        assertThat(RetryAfter.parse(inAMinute)).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61)));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon")).isEmpty();
        assertThat(RetryAfter.parse("-3")).isEmpty();
    }

    @Test
    void mapsLanguageNamesToIsoCodes() {
        assertThat(VerboseJson.isoLanguage("hebrew")).isEqualTo("he");
        assertThat(VerboseJson.isoLanguage("English")).isEqualTo("en");
        assertThat(VerboseJson.isoLanguage("he")).isEqualTo("he");
        assertThat(VerboseJson.isoLanguage("klingon")).isEqualTo("klingon");
    }
}
