package il.co.voicely.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextExtractorTest {

    @TempDir
    Path dir;

    @Test
    void aShortHebrewNoteInUtf8IsReadAsHebrew() throws Exception {
        Path note = dir.resolve("breathing.txt");
        Files.writeString(note, "תרגילי נשימה: שאיפה איטית מהסרעפת, ואז נשיפה ארוכה על העיצור ס.", StandardCharsets.UTF_8);

        Extracted extracted = TextExtractor.create().extract(note);

        assertThat(extracted.text()).isEqualTo("תרגילי נשימה: שאיפה איטית מהסרעפת, ואז נשיפה ארוכה על העיצור ס.");
        assertThat(extracted.language()).isEqualTo("he");
    }

    @Test
    void aHebrewNoteInTheOldWindowsCodePageStillComesOutAsHebrew() throws Exception {
        Path note = dir.resolve("old.txt");
        String text = "שיעור פרטי עולה 250 שקלים. שיעור קבוצתי עולה 120 שקלים. נשמח לראות אתכם בשיעור ניסיון.";
        Files.write(note, text.getBytes(Charset.forName("windows-1255")));

        Extracted extracted = TextExtractor.create().extract(note);

        assertThat(extracted.text()).contains("שיעור");
    }
}
