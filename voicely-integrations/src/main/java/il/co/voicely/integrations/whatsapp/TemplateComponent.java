package il.co.voicely.integrations.whatsapp;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The variable parts of a template message: header, body and button parameters, in the order the
 * approved template declares its placeholders.
 *
 * <pre>{@code
 * OutboundMessage.template("+972501234567", "lesson_reminder", "he",
 *         TemplateComponent.body(TemplateComponent.text("דנה"), TemplateComponent.text("18:00")),
 *         TemplateComponent.quickReplyButton(0, "confirm-42"));
 * }</pre>
 */
public sealed interface TemplateComponent {

    record Header(List<Parameter> parameters) implements TemplateComponent {
        public Header {
            parameters = List.copyOf(parameters);
        }
    }

    record Body(List<Parameter> parameters) implements TemplateComponent {
        public Body {
            parameters = List.copyOf(parameters);
        }
    }

    /** A button's dynamic part; {@code subType} is {@code quick_reply} or {@code url}. */
    record Button(String subType, int index, List<Parameter> parameters) implements TemplateComponent {
        public Button {
            parameters = List.copyOf(parameters);
        }
    }

    /** One value for one placeholder. */
    sealed interface Parameter {
    }

    record Text(String text) implements Parameter {
    }

    /** An amount in thousandths of the currency unit ({@code 100990} is 100.99). */
    record Currency(String fallbackValue, String code, long amount1000) implements Parameter {
    }

    /** A date shown as {@code fallbackValue}; {@code at} adds Meta's broken-down fields when present. */
    record DateTime(String fallbackValue, Optional<LocalDateTime> at) implements Parameter {
    }

    record Image(OutboundMessage.Media media) implements Parameter {
    }

    record Document(OutboundMessage.Media media, Optional<String> filename) implements Parameter {
    }

    record Video(OutboundMessage.Media media) implements Parameter {
    }

    /** The payload a quick-reply button sends back in the template-button webhook. */
    record Payload(String payload) implements Parameter {
    }

    /** Header parameters (one text or one media). */
    static Header header(Parameter... parameters) {
        return new Header(List.of(parameters));
    }

    /** Body parameters, for placeholders {@code {{1}}}, {@code {{2}}}, … in order. */
    static Body body(Parameter... parameters) {
        return new Body(List.of(parameters));
    }

    /** The payload returned when the quick-reply button at {@code index} (0-based) is tapped. */
    static Button quickReplyButton(int index, String payload) {
        return new Button("quick_reply", index, List.of(new Payload(payload)));
    }

    /** The dynamic suffix of the URL button at {@code index} (0-based). */
    static Button urlButton(int index, String urlSuffix) {
        return new Button("url", index, List.of(new Text(urlSuffix)));
    }

    /** A text parameter. */
    static Text text(String text) {
        return new Text(text);
    }
}
