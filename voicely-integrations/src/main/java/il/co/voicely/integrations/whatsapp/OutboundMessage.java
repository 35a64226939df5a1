package il.co.voicely.integrations.whatsapp;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message to send through {@link WhatsAppClient#send}. Build one with the static factories; the
 * client validates it against WhatsApp's limits before anything leaves the process.
 *
 * <pre>{@code
 * OutboundMessage.replyButtons("+972501234567", "מתי נוח לך?",
 *         new OutboundMessage.Button("morning", "בוקר"), new OutboundMessage.Button("evening", "ערב"));
 * }</pre>
 *
 * @see MessageValidationException
 */
public sealed interface OutboundMessage {

    /** Recipient phone number in E.164 form, with or without the leading {@code +}. */
    String to();

    /** Plain text; {@code previewUrl} asks WhatsApp to render a preview of the first link. */
    record Text(String to, String body, boolean previewUrl) implements OutboundMessage {
    }

    /** An approved template with its parameters. */
    record Template(String to, String name, String languageCode, List<TemplateComponent> components)
            implements OutboundMessage {
        public Template {
            components = List.copyOf(components);
        }
    }

    /** Up to three reply buttons under a body text. */
    record ReplyButtons(String to, String body, List<Button> buttons, Optional<String> header, Optional<String> footer)
            implements OutboundMessage {
        public ReplyButtons {
            buttons = List.copyOf(buttons);
        }
    }

    /** A list menu opened by {@code buttonText}; at most ten rows across all sections. */
    record ListMenu(String to, String body, String buttonText, List<Section> sections,
                    Optional<String> header, Optional<String> footer) implements OutboundMessage {
        public ListMenu {
            sections = List.copyOf(sections);
        }
    }

    /** Audio; {@code voice} marks an OGG/Opus recording to be shown as a voice note. */
    record Audio(String to, Media media, boolean voice) implements OutboundMessage {
    }

    record Image(String to, Media media, Optional<String> caption) implements OutboundMessage {
    }

    record Document(String to, Media media, Optional<String> filename, Optional<String> caption)
            implements OutboundMessage {
    }

    /** A reply button: {@code id} comes back in the button-reply webhook, {@code title} is shown. */
    record Button(String id, String title) {
    }

    /** A titled group of list rows (the title is required when there is more than one section). */
    record Section(Optional<String> title, List<Row> rows) {
        public Section {
            rows = List.copyOf(rows);
        }

        public static Section of(String title, Row... rows) {
            return new Section(Optional.ofNullable(title), List.of(rows));
        }
    }

    record Row(String id, String title, Optional<String> description) {
        public static Row of(String id, String title, String description) {
            return new Row(id, title, Optional.ofNullable(description));
        }
    }

    /** Media by id (from {@link WhatsAppClient#uploadMedia}) or by a public HTTPS link: exactly one. */
    record Media(Optional<String> id, Optional<URI> link) {
        public static Media id(String mediaId) {
            return new Media(Optional.of(mediaId), Optional.empty());
        }

        public static Media link(URI url) {
            return new Media(Optional.empty(), Optional.of(url));
        }
    }

    /** Plain text, up to 4096 characters. */
    static Text text(String to, String body) {
        return new Text(to, body, false);
    }

    /** Plain text whose first URL WhatsApp renders as a preview. */
    static Text textWithPreview(String to, String body) {
        return new Text(to, body, true);
    }

    /** An approved template in {@code languageCode} (e.g. {@code he}) with its parameters. */
    static Template template(String to, String name, String languageCode, TemplateComponent... components) {
        return new Template(to, name, languageCode, List.of(components));
    }

    /** Body text with one to three reply buttons (titles up to 20 characters). */
    static ReplyButtons replyButtons(String to, String body, Button... buttons) {
        return new ReplyButtons(to, body, List.of(buttons), Optional.empty(), Optional.empty());
    }

    /** A list menu; {@code buttonText} (up to 20 characters) opens it. */
    static ListMenu list(String to, String body, String buttonText, Section... sections) {
        return new ListMenu(to, body, buttonText, List.of(sections), Optional.empty(), Optional.empty());
    }

    /** An audio file (AAC, AMR, MP3, M4A or OGG). */
    static Audio audio(String to, Media media) {
        return new Audio(to, media, false);
    }

    /** A voice note: upload {@code audio/ogg; codecs=opus} first and pass its id. */
    static Audio voice(String to, Media media) {
        return new Audio(to, media, true);
    }

    /** An image with an optional caption ({@code null} for none). */
    static Image image(String to, Media media, String caption) {
        return new Image(to, media, Optional.ofNullable(caption));
    }

    /** A document shown with {@code filename}. */
    static Document document(String to, Media media, String filename) {
        return new Document(to, media, Optional.of(Objects.requireNonNull(filename, "filename")), Optional.empty());
    }
}
