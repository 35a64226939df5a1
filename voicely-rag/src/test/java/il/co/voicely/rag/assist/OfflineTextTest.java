package il.co.voicely.rag.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parts that need neither a database nor a model: phones, intents, language, sentiment, key sentences. */
class OfflineTextTest {

    @Test
    void israeliPhoneNumbersBecomeE164() {
        assertThat(PhoneNumbers.normalise("050-1234567")).contains("+972501234567");
        assertThat(PhoneNumbers.normalise("052 765 4321")).contains("+972527654321");
        assertThat(PhoneNumbers.normalise("03-6123456")).contains("+97236123456");
        assertThat(PhoneNumbers.normalise("+972 (50) 123-4567")).contains("+972501234567");
        assertThat(PhoneNumbers.normalise("+972-050-1234567")).contains("+972501234567");
        assertThat(PhoneNumbers.normalise("00972501234567")).contains("+972501234567");
        assertThat(PhoneNumbers.normalise("+1 415 555 0100")).contains("+14155550100");
        assertThat(PhoneNumbers.normalise("1234")).isEmpty();
        assertThat(PhoneNumbers.normalise("call me")).isEmpty();
    }

    @Test
    void bookingIntentInHebrewAndEnglish() {
        assertThat(Intents.wantsBooking("אני רוצה לקבוע שיעור ניסיון")).isTrue();
        assertThat(Intents.wantsBooking("איך להירשם?")).isTrue();
        assertThat(Intents.wantsBooking("Can I book a lesson?")).isTrue();
        assertThat(Intents.wantsBooking("Is there a trial lesson?")).isTrue();
        assertThat(Intents.wantsBooking("Are you on facebook?")).isFalse();
        assertThat(Intents.wantsBooking("כמה עולה שיעור פרטי?")).isFalse();
    }

    @Test
    void humanIntentInHebrewAndEnglish() {
        assertThat(Intents.wantsHuman("אפשר לדבר עם נציג?")).isTrue();
        assertThat(Intents.wantsHuman("אני רוצה לדבר עם בן אדם")).isTrue();
        assertThat(Intents.wantsHuman("תעביר אותי לנציגה")).isTrue();
        assertThat(Intents.wantsHuman("Can I talk to a human?")).isTrue();
        assertThat(Intents.wantsHuman("agent please")).isTrue();
        assertThat(Intents.wantsHuman("What are your prices?")).isFalse();
    }

    @Test
    void theLanguageIsReadFromTheQuestion() {
        assertThat(Language.detect("כמה עולה שיעור?")).isEqualTo(Language.HEBREW);
        assertThat(Language.detect("How much is a lesson?")).isEqualTo(Language.ENGLISH);
        assertThat(Language.detect("מה זה בעצם belting?")).isEqualTo(Language.HEBREW);
        assertThat(Language.detect("050-1234567")).isEqualTo(Language.HEBREW);
    }

    @Test
    void theLexiconScorerIsApproximateButSeesTheObvious() {
        Sentiment angry = SentimentAnalyzer.lexicon("נמאס לי, זה ממש מתסכל");
        assertThat(angry.label()).isEqualTo(Sentiment.Label.FRUSTRATED);
        assertThat(angry.approximate()).isTrue();
        assertThat(SentimentAnalyzer.lexicon("תודה רבה, השיעור היה מעולה!").label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(SentimentAnalyzer.lexicon("This is useless, I'm so frustrated").label()).isEqualTo(Sentiment.Label.FRUSTRATED);
        assertThat(SentimentAnalyzer.lexicon("השיעור לא היה טוב").label()).as("negation").isEqualTo(Sentiment.Label.FRUSTRATED);
        assertThat(SentimentAnalyzer.lexicon("מתי השיעור הבא?").label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(new SentimentAnalyzer(Optional.empty()).analyze("great, thanks!").label()).isEqualTo(Sentiment.Label.POSITIVE);
    }

    @Test
    void aModelsSentimentIsReadOnlyFromTheRequiredJson() {
        assertThat(SentimentAnalyzer.parse("{\"label\": \"frustrated\", \"score\": -0.8}"))
                .contains(new Sentiment(Sentiment.Label.FRUSTRATED, -0.8, false));
        assertThat(SentimentAnalyzer.parse("```json\n{\"label\":\"positive\",\"score\":0.5}\n```")).isPresent();
        assertThat(SentimentAnalyzer.parse("I think the user is angry")).isEmpty();
        assertThat(SentimentAnalyzer.parse("{\"label\": \"furious\"}")).isEmpty();
    }

    @Test
    void theOfflineSummaryQuotesTheSentencesThatCarryTheLesson() {
        String transcript = "שלום, מה שלומך היום? "
                + "היום נעבוד על נשימה סרעפתית ועל תמיכה בצלילים גבוהים. "
                + "נתחיל בתרגיל נשימה סרעפתית עם ספירה עד שמונה. "
                + "אחר כך נשיר את השיר עם תמיכה בצלילים גבוהים. "
                + "אוקיי, להתראות בשבוע הבא.";

        assertThat(LessonSummarizer.keySentences(transcript, 2)).containsExactly(
                "היום נעבוד על נשימה סרעפתית ועל תמיכה בצלילים גבוהים.",
                "אחר כך נשיר את השיר עם תמיכה בצלילים גבוהים.");
    }
}
