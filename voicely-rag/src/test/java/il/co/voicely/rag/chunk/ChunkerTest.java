package il.co.voicely.rag.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    @Test
    void hebrewSentencesEndAtPunctuationButNotAtGershayimOrGeresh() {
        List<String> sentences = Sentences.split(
                "שירתתי בצה\"ל שלוש שנים. אחר כך למדתי בצה״ל עוד קצת! האם ג'ירפה שרה? כן, וכו'. סוף׃ פסוק");

        assertThat(sentences).containsExactly(
                "שירתתי בצה\"ל שלוש שנים.",
                "אחר כך למדתי בצה״ל עוד קצת!",
                "האם ג'ירפה שרה?",
                "כן, וכו'.",
                "סוף׃",
                "פסוק");
    }

    @Test
    void englishSentencesSurviveNumbersAbbreviationsAndQuotes() {
        List<String> sentences = Sentences.split(
                "Dr. Cohen sang 3.5 octaves, e.g. in the finale. She said \"again.\" Then we rested\nHeading line");

        assertThat(sentences).containsExactly(
                "Dr. Cohen sang 3.5 octaves, e.g. in the finale.",
                "She said \"again.\"",
                "Then we rested",
                "Heading line");
    }

    @Test
    void mixedDirectionTextKeepsBothLanguagesInOneSentence() {
        assertThat(Sentences.split("התרגיל של ‏Lip trill‏ עוזר מאוד. Try it daily!"))
                .containsExactly("התרגיל של ‏Lip trill‏ עוזר מאוד.", "Try it daily!");
    }

    @Test
    void niqqudAndDirectionMarksAreRemoved() {
        assertThat(HebrewText.normalise("שָׁלוֹם\u200F עוֹלָם")).isEqualTo("שלום עולם");
        assertThat(HebrewText.normalise("בֵּית־סֵפֶר")).isEqualTo("בית-ספר");
    }

    @Test
    void lexicalFormsReadOffPrefixesAndFoldFinalLetters() {
        assertThat(HebrewText.forms("ובשיעורים")).containsExactly("ובשיעורימ", "בשיעורימ", "שיעורימ");
        assertThat(HebrewText.forms("צה\"ל")).containsExactly("צהל");
        assertThat(HebrewText.forms("צה״ל")).containsExactly("צהל");
        assertThat(HebrewText.forms("Singing")).containsExactly("singing");
        assertThat(HebrewText.fold("ארץ")).isEqualTo("ארצ");
        assertThat(HebrewText.forms("מהסרעפת")).containsExactly("מהסרעפת", "הסרעפת", "סרעפת");
        assertThat(HebrewText.forms("שלום")).as("two-letter remainders are not read off").containsExactly("שלומ", "לומ");
    }

    @Test
    void chunksStayWithinTheBudgetAndOverlap() {
        String text = "משפט ראשון על נשימה נכונה. משפט שני על תמיכה סרעפתית. משפט שלישי על תהודה בראש. "
                + "Fourth sentence about vowels. Fifth sentence about posture. Sixth sentence about rest.";
        Chunker chunker = Chunker.builder().maxTokens(24).overlapTokens(10).build();

        List<Chunk> chunks = chunker.chunk(text, Map.of());

        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks).allSatisfy(c -> assertThat(c.tokenCount()).isLessThanOrEqualTo(24));
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1).text();
            String firstSentence = Sentences.split(chunks.get(i).text()).getFirst();
            assertThat(previous).as("chunk %d starts with the end of chunk %d", i, i - 1).endsWith(firstSentence);
        }
        assertThat(String.join(" ", chunks.stream().map(Chunk::text).toList())).contains("Sixth sentence about rest.");
        assertThat(chunks).extracting(Chunk::ordinal).containsExactly(
                java.util.stream.IntStream.range(0, chunks.size()).boxed().toArray(Integer[]::new));
    }

    @Test
    void aSentenceLongerThanTheBudgetIsCutBetweenWords() {
        String longSentence = String.join(" ", java.util.Collections.nCopies(100, "word"));

        List<Chunk> chunks = Chunker.builder().maxTokens(20).overlapTokens(0).build().chunk(longSentence, Map.of());

        assertThat(chunks).hasSize(5).allSatisfy(c -> assertThat(c.tokenCount()).isEqualTo(20));
    }

    @Test
    void metadataIsCarriedToEveryChunk() {
        Map<String, String> meta = Map.of("teacher", "דנה", "title", "שיעור 12", "lesson_date", "2026-03-01");

        List<Chunk> chunks = Chunker.builder().maxTokens(10).overlapTokens(0).build()
                .chunk("אחת שתיים שלוש. ארבע חמש שש. שבע שמונה תשע. עשר.", meta);

        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(c -> assertThat(c.metadata()).isEqualTo(meta));
    }

    @Test
    void transcriptChunksKeepTheirTimes() {
        String srt = """
                1
                00:00:01,000 --> 00:00:04,500
                שלום לכולם, היום נעבוד על נשימה.

                2
                00:00:05,000 --> 00:00:09,250
                <i>Take a deep breath</i> and hold it.

                3
                00:01:10,000 --> 00:01:15,000
                עכשיו נשיר את הסולם.
                """;
        List<Cue> cues = Subtitles.parse(srt);

        List<Chunk> one = Chunker.defaults().chunkTranscript(cues, Map.of());
        List<Chunk> many = Chunker.builder().maxTokens(12).overlapTokens(0).build().chunkTranscript(cues, Map.of());

        assertThat(cues).extracting(Cue::text).containsExactly(
                "שלום לכולם, היום נעבוד על נשימה.", "Take a deep breath and hold it.", "עכשיו נשיר את הסולם.");
        assertThat(one).singleElement().satisfies(c -> assertThat(c.time()).contains(new TimeRange(1000, 75000)));
        assertThat(many).hasSize(3);
        assertThat(many.get(1).time()).contains(new TimeRange(5000, 9250));
    }

    @Test
    void webVttTimestampsWithoutHoursAreRead() {
        String vtt = """
                WEBVTT

                NOTE made by the recorder

                00:02.500 --> 00:04.000 align:start
                <v Dana>נתחיל בחימום

                cue-2
                01:00:00.000 --> 01:00:01.000
                Goodbye
                """;

        assertThat(Subtitles.parse(vtt)).containsExactly(Cue.of(2500, 4000, "נתחיל בחימום"), Cue.of(3_600_000, 3_601_000, "Goodbye"));
        assertThat(Subtitles.looksLikeSubtitles(vtt)).isTrue();
        assertThat(Subtitles.looksLikeSubtitles("just text")).isFalse();
    }
}
