package il.co.voicely.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Pattern HEBREW = Pattern.compile("[\\u0590-\\u05FF]");

    private final Messages messages = Messages.load();

    @Test
    void everyLanguageHasEveryText() {
        assertThat(messages.keys(Lang.EN)).containsExactlyInAnyOrderElementsOf(messages.keys(Lang.HE));
    }

    @Test
    void hebrewIsReadAsUtf8AndApostrophesSurviveInPlainTexts() {
        assertThat(messages.text(Lang.HE, "nav.home")).isEqualTo("בית");
        assertThat(messages.text(Lang.HE, "nav.chat")).isEqualTo("צ'אט");
        assertThat(messages.text(Lang.EN, "error.code", "404")).isEqualTo("Error 404");
    }

    @Test
    void uiTextLivesOnlyInTheMessageBundles() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/jte")))) {
            offenders = files.filter(Files::isRegularFile).filter(MessagesTest::containsHebrew).toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static boolean containsHebrew(Path file) {
        try {
            return HEBREW.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
