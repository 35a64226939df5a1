package il.co.voicely.rag.assist;

import il.co.voicely.rag.chunk.HebrewText;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keyword intents. Deliberately simple and visible: a false "offer a trial lesson" costs a button, and a
 * model is not needed to see "נציג" or "book".
 */
final class Intents {

    /** Folded Hebrew words (any prefix read off) and English words that ask for a booking. */
    private static final Set<String> BOOKING_WORDS = Set.of("להירשמ", "הרשמה", "להרשמ", "לקבוע", "book", "booking",
            "register", "enrol", "enroll");
    private static final List<String> BOOKING_PHRASES = List.of("שיעור ניסיון", "שיעור נסיון", "trial lesson",
            "trial class", "sign up", "free lesson");
    private static final Set<String> HUMAN_WORDS = Set.of("נציג", "נציגה", "אדמ", "אנושי", "אנושית", "human", "agent",
            "person", "representative", "operator");
    private static final List<String> HUMAN_PHRASES = List.of("בן אדמ", "real person", "talk to someone");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Intents() {
    }

    static boolean wantsBooking(String text) {
        return matches(text, BOOKING_WORDS, BOOKING_PHRASES);
    }

    static boolean wantsHuman(String text) {
        return matches(text, HUMAN_WORDS, HUMAN_PHRASES);
    }

    private static boolean matches(String text, Set<String> words, List<String> phrases) {
        Set<String> forms = new HashSet<>();
        for (String word : HebrewText.words(text)) {
            forms.addAll(HebrewText.forms(word));
        }
        if (forms.stream().anyMatch(words::contains)) {
            return true;
        }
        String folded = " " + SPACES.matcher(HebrewText.fold(text).toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        return phrases.stream().map(HebrewText::fold).anyMatch(folded::contains);
    }
}
