package il.co.voicely.integrations.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import il.co.voicely.integrations.whatsapp.OutboundMessage.Media;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates an {@link OutboundMessage} against WhatsApp's documented limits and writes the Cloud API
 * request body. Validation comes first so a bad message fails here, naming the field, rather than
 * as a Graph error 100 after a network round trip.
 */
final class MessageJson {

    // E.164: a country code that does not start with 0, at most 15 digits in all.
    private static final Pattern E164 = Pattern.compile("\\+?[1-9]\\d{6,14}");
    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    static final int MAX_INTERACTIVE_BODY = 1024;
    static final int MAX_HEADER_FOOTER = 60;
    static final int MAX_BUTTONS = 3;
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_BUTTON_ID = 256;
    static final int MAX_LIST_ROWS = 10;
    static final int MAX_LIST_SECTIONS = 10;
    static final int MAX_ROW_TITLE = 24;
    static final int MAX_ROW_DESCRIPTION = 72;
    static final int MAX_ROW_ID = 200;
    static final int MAX_LIST_BUTTON = 20;
    static final int MAX_SECTION_TITLE = 24;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MessageJson() {
    }

    static ObjectNode toJson(OutboundMessage message, Optional<String> replyTo) {
        ObjectNode root = F.objectNode();
        root.put("messaging_product", "whatsapp");
        root.put("recipient_type", "individual");
        root.put("to", recipient(message.to()));
        replyTo.ifPresent(id -> root.putObject("context").put("message_id", required("context.message_id", id, 512)));
        switch (message) {
            case OutboundMessage.Text t -> {
                root.put("type", "text");
                root.putObject("text").put("body", required("text.body", t.body(), MAX_TEXT))
                        .put("preview_url", t.previewUrl());
            }
            case OutboundMessage.Template t -> {
                root.put("type", "template");
                root.set("template", template(t));
            }
            case OutboundMessage.ReplyButtons b -> {
                root.put("type", "interactive");
                root.set("interactive", replyButtons(b));
            }
            case OutboundMessage.ListMenu l -> {
                root.put("type", "interactive");
                root.set("interactive", list(l));
            }
            case OutboundMessage.Audio a -> {
                root.put("type", "audio");
                ObjectNode audio = media("audio", a.media());
                if (a.voice()) {
                    audio.put("voice", true);
                }
                root.set("audio", audio);
            }
            case OutboundMessage.Image i -> {
                root.put("type", "image");
                ObjectNode image = media("image", i.media());
                i.caption().ifPresent(c -> image.put("caption", required("image.caption", c, MAX_CAPTION)));
                root.set("image", image);
            }
            case OutboundMessage.Document d -> {
                root.put("type", "document");
                ObjectNode doc = media("document", d.media());
                d.caption().ifPresent(c -> doc.put("caption", required("document.caption", c, MAX_CAPTION)));
                d.filename().ifPresent(n -> doc.put("filename", required("document.filename", n, 240)));
                root.set("document", doc);
            }
        }
        return root;
    }

    static String recipient(String to) {
        if (to == null || !E164.matcher(to).matches()) {
            throw new MessageValidationException("to",
                    "must be a phone number in E.164 form such as +972501234567 (was '" + to + "')");
        }
        return to;
    }

    private static ObjectNode template(OutboundMessage.Template t) {
        ObjectNode template = F.objectNode();
        template.put("name", required("template.name", t.name(), 512));
        template.putObject("language").put("code", required("template.language.code", t.languageCode(), 64));
        if (!t.components().isEmpty()) {
            ArrayNode components = template.putArray("components");
            for (int i = 0; i < t.components().size(); i++) {
                components.add(component(t.components().get(i), "template.components[" + i + "]"));
            }
        }
        return template;
    }

    private static ObjectNode component(TemplateComponent component, String path) {
        ObjectNode node = F.objectNode();
        List<TemplateComponent.Parameter> parameters = switch (component) {
            case TemplateComponent.Header h -> {
                node.put("type", "header");
                yield h.parameters();
            }
            case TemplateComponent.Body b -> {
                node.put("type", "body");
                yield b.parameters();
            }
            case TemplateComponent.Button b -> {
                node.put("type", "button");
                if (!b.subType().equals("quick_reply") && !b.subType().equals("url")) {
                    throw new MessageValidationException(path + ".sub_type",
                            "must be quick_reply or url (was '" + b.subType() + "')");
                }
                if (b.index() < 0 || b.index() > 9) {
                    throw new MessageValidationException(path + ".index", "must be 0 to 9 (was " + b.index() + ")");
                }
                node.put("sub_type", b.subType());
                node.put("index", String.valueOf(b.index()));
                yield b.parameters();
            }
        };
        ArrayNode array = node.putArray("parameters");
        for (int i = 0; i < parameters.size(); i++) {
            array.add(parameter(parameters.get(i), path + ".parameters[" + i + "]"));
        }
        return node;
    }

    private static ObjectNode parameter(TemplateComponent.Parameter parameter, String path) {
        ObjectNode node = F.objectNode();
        switch (parameter) {
            case TemplateComponent.Text t -> node.put("type", "text").put("text", required(path + ".text", t.text(), 32768));
            case TemplateComponent.Payload p -> node.put("type", "payload")
                    .put("payload", required(path + ".payload", p.payload(), 128));
            case TemplateComponent.Currency c -> {
                node.put("type", "currency");
                node.putObject("currency").put("fallback_value", required(path + ".currency.fallback_value", c.fallbackValue(), 1024))
                        .put("code", required(path + ".currency.code", c.code(), 3))
                        .put("amount_1000", c.amount1000());
            }
            case TemplateComponent.DateTime d -> {
                node.put("type", "date_time");
                ObjectNode dt = node.putObject("date_time");
                dt.put("fallback_value", required(path + ".date_time.fallback_value", d.fallbackValue(), 1024));
                d.at().ifPresent(at -> dateTimeFields(dt, at));
            }
            case TemplateComponent.Image i -> node.put("type", "image").set("image", media(path + ".image", i.media()));
            case TemplateComponent.Video v -> node.put("type", "video").set("video", media(path + ".video", v.media()));
            case TemplateComponent.Document d -> {
                ObjectNode doc = media(path + ".document", d.media());
                d.filename().ifPresent(n -> doc.put("filename", n));
                node.put("type", "document").set("document", doc);
            }
        }
        return node;
    }

    private static void dateTimeFields(ObjectNode dt, LocalDateTime at) {
        // Meta numbers the week from Monday = 1, as ISO does.
        dt.put("day_of_week", at.getDayOfWeek().getValue());
        dt.put("year", at.getYear());
        dt.put("month", at.getMonthValue());
        dt.put("day_of_month", at.getDayOfMonth());
        dt.put("hour", at.getHour());
        dt.put("minute", at.getMinute());
        dt.put("calendar", "GREGORIAN");
    }

    private static ObjectNode replyButtons(OutboundMessage.ReplyButtons b) {
        ObjectNode interactive = F.objectNode();
        interactive.put("type", "button");
        headerAndFooter(interactive, b.header(), b.footer());
        interactive.putObject("body").put("text", required("interactive.body.text", b.body(), MAX_INTERACTIVE_BODY));
        if (b.buttons().isEmpty()) {
            throw new MessageValidationException("interactive.action.buttons", "must hold at least 1 button");
        }
        if (b.buttons().size() > MAX_BUTTONS) {
            throw new MessageValidationException("interactive.action.buttons",
                    "must hold at most " + MAX_BUTTONS + " buttons (was " + b.buttons().size() + ")");
        }
        ArrayNode buttons = interactive.putObject("action").putArray("buttons");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < b.buttons().size(); i++) {
            OutboundMessage.Button button = b.buttons().get(i);
            String path = "interactive.action.buttons[" + i + "].reply";
            String id = required(path + ".id", button.id(), MAX_BUTTON_ID);
            if (!ids.add(id)) {
                throw new MessageValidationException(path + ".id", "must be unique among the buttons (was '" + id + "' twice)");
            }
            ObjectNode node = buttons.addObject().put("type", "reply");
            node.putObject("reply").put("id", id).put("title", required(path + ".title", button.title(), MAX_BUTTON_TITLE));
        }
        return interactive;
    }

    private static ObjectNode list(OutboundMessage.ListMenu l) {
        ObjectNode interactive = F.objectNode();
        interactive.put("type", "list");
        headerAndFooter(interactive, l.header(), l.footer());
        interactive.putObject("body").put("text", required("interactive.body.text", l.body(), MAX_TEXT));
        ObjectNode action = interactive.putObject("action");
        action.put("button", required("interactive.action.button", l.buttonText(), MAX_LIST_BUTTON));
        if (l.sections().isEmpty() || l.sections().size() > MAX_LIST_SECTIONS) {
            throw new MessageValidationException("interactive.action.sections",
                    "must hold 1 to " + MAX_LIST_SECTIONS + " sections (was " + l.sections().size() + ")");
        }
        int rows = l.sections().stream().mapToInt(s -> s.rows().size()).sum();
        if (rows > MAX_LIST_ROWS) {
            throw new MessageValidationException("interactive.action.sections[].rows",
                    "must hold at most " + MAX_LIST_ROWS + " rows in all sections together (was " + rows + ")");
        }
        ArrayNode sections = action.putArray("sections");
        Set<String> ids = new HashSet<>();
        for (int s = 0; s < l.sections().size(); s++) {
            OutboundMessage.Section section = l.sections().get(s);
            String path = "interactive.action.sections[" + s + "]";
            ObjectNode node = sections.addObject();
            if (section.title().isPresent()) {
                node.put("title", required(path + ".title", section.title().get(), MAX_SECTION_TITLE));
            } else if (l.sections().size() > 1) {
                throw new MessageValidationException(path + ".title", "is required when a list has more than one section");
            }
            if (section.rows().isEmpty()) {
                throw new MessageValidationException(path + ".rows", "must hold at least 1 row");
            }
            ArrayNode rowArray = node.putArray("rows");
            for (int r = 0; r < section.rows().size(); r++) {
                OutboundMessage.Row row = section.rows().get(r);
                String rowPath = path + ".rows[" + r + "]";
                String id = required(rowPath + ".id", row.id(), MAX_ROW_ID);
                if (!ids.add(id)) {
                    throw new MessageValidationException(rowPath + ".id", "must be unique in the list (was '" + id + "' twice)");
                }
                ObjectNode rowNode = rowArray.addObject().put("id", id)
                        .put("title", required(rowPath + ".title", row.title(), MAX_ROW_TITLE));
                row.description().ifPresent(d -> rowNode.put("description",
                        required(rowPath + ".description", d, MAX_ROW_DESCRIPTION)));
            }
        }
        return interactive;
    }

    private static void headerAndFooter(ObjectNode interactive, Optional<String> header, Optional<String> footer) {
        header.ifPresent(h -> interactive.putObject("header").put("type", "text")
                .put("text", required("interactive.header.text", h, MAX_HEADER_FOOTER)));
        footer.ifPresent(f -> interactive.putObject("footer")
                .put("text", required("interactive.footer.text", f, MAX_HEADER_FOOTER)));
    }

    private static ObjectNode media(String path, Media media) {
        if (media == null || media.id().isPresent() == media.link().isPresent()) {
            throw new MessageValidationException(path, "must name exactly one of a media id or a link");
        }
        ObjectNode node = F.objectNode();
        media.id().ifPresent(id -> node.put("id", required(path + ".id", id, 256)));
        media.link().ifPresent(link -> {
            if (!"https".equalsIgnoreCase(link.getScheme()) && !"http".equalsIgnoreCase(link.getScheme())) {
                throw new MessageValidationException(path + ".link", "must be an http(s) URL (was '" + link + "')");
            }
            node.put("link", link.toString());
        });
        return node;
    }

    /** Non-blank and at most {@code max} characters, counted as code points as WhatsApp counts them. */
    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new MessageValidationException(field, "must not be empty");
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new MessageValidationException(field, "must be at most " + max + " characters (was " + length + ")");
        }
        return value;
    }
}
