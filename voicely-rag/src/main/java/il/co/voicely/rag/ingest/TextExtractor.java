package il.co.voicely.rag.ingest;

import il.co.voicely.rag.chunk.Cue;
import il.co.voicely.rag.chunk.Subtitles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Extracts plain text from files with Apache Tika (docx, pdf, html, odt, rtf, txt and everything else its
 * standard parsers read); SRT and WebVTT are read here, keeping their cue times.
 *
 * <pre>{@code
 * Extracted e = TextExtractor.create().extract(Path.of("lesson-12.docx"));
 * }</pre>
 */
public final class TextExtractor {

    private final AutoDetectParser parser;

    private TextExtractor(AutoDetectParser parser) {
        this.parser = parser;
    }

    /** An extractor with every parser of Tika's standard package. Thread-safe. */
    public static TextExtractor create() {
        return new TextExtractor(new AutoDetectParser());
    }

    /**
     * The text of {@code file}.
     *
     * @throws UnreadableFileException when it cannot be parsed
     */
    public Extracted extract(Path file) throws UnreadableFileException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (Files.size(file) == 0) {
                return new Extracted("", "application/octet-stream", Optional.empty(), "en", List.of());
            }
            if (name.endsWith(".srt") || name.endsWith(".vtt")) {
                String raw = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
                List<Cue> cues = Subtitles.parse(raw);
                String text = String.join("\n", cues.stream().map(Cue::text).toList());
                return new Extracted(text, name.endsWith(".srt") ? "application/x-subrip" : "text/vtt", Optional.empty(),
                        language(text), cues);
            }
            if (name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".text")) {
                // Charset sniffing guesses wrong on short Hebrew notes (it picks a CJK charset); bytes that
                // are valid UTF-8 are UTF-8, and only other files go to Tika's detector.
                Optional<String> utf8 = strictUtf8(Files.readAllBytes(file));
                if (utf8.isPresent()) {
                    String text = utf8.get().replace("\uFEFF", "").strip();
                    return new Extracted(text, "text/plain", Optional.empty(), language(text), List.of());
                }
            }
            Metadata metadata = new Metadata();
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
            BodyContentHandler handler = new BodyContentHandler(-1);
            try (InputStream in = Files.newInputStream(file)) {
                parser.parse(in, handler, metadata, new ParseContext());
            }
            String text = handler.toString().strip();
            String type = Optional.ofNullable(metadata.get(Metadata.CONTENT_TYPE)).orElse("application/octet-stream");
            Optional<String> title = Optional.ofNullable(metadata.get(TikaCoreProperties.TITLE)).map(String::strip).filter(t -> !t.isEmpty());
            return new Extracted(text, type.replaceAll(";.*", ""), title, language(text), List.of());
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            throw new UnreadableFileException(file, e.getMessage(), e);
        }
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    /** "he" when a good share of the letters are Hebrew, else "en": enough to pick a UI direction and a model. */
    static String language(String text) {
        long hebrew = 0;
        long letters = 0;
        for (int i = 0; i < text.length() && letters < 5000; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HEBREW) {
                    hebrew++;
                }
            }
        }
        return letters > 0 && hebrew * 5 >= letters ? "he" : "en";
    }
}
