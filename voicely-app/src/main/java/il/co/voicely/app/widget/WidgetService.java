package il.co.voicely.app.widget;

import com.fasterxml.jackson.core.JsonProcessingException;
import il.co.voicely.app.web.Json;
import il.co.voicely.app.web.Lang;
import il.co.voicely.app.web.Messages;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /chat-embed.js}: the widget a school puts on any site with one tag,
 * {@code <script src="https://app.example/chat-embed.js" data-lang="he" data-color="#3f1d73" async></script>}
 * (also {@code data-position="start"}, {@code data-greeting="…"}, {@code data-inline="#selector"}).
 *
 * <p>The script draws the chat in a shadow root on the host page (styles isolated both ways) and talks to
 * {@code /ws/chat} directly, rather than framing a page of ours: no iframe means no exception to
 * {@code frame-ancestors 'none'}, no third-party-cookie trouble, and the visitor key lives in the host
 * site's own storage. The allow-list ({@code VOICELY_WIDGET_ORIGINS}) is enforced on the socket's
 * {@code Origin}. Our own {@code /chat} page uses the same script inline.
 */
public final class WidgetService implements HttpService {

    // Script name → bundle key; the texts travel inside the script so the widget needs no second request.
    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("open", "livechat.widget.open"), Map.entry("close", "livechat.widget.close"),
            Map.entry("title", "livechat.widget.title"), Map.entry("greeting", "livechat.widget.greeting"),
            Map.entry("log", "livechat.widget.log"), Map.entry("inputLabel", "livechat.input.label"),
            Map.entry("placeholder", "livechat.input.placeholder"), Map.entry("send", "livechat.send"),
            Map.entry("human", "livechat.human"), Map.entry("trial", "livechat.quick.trial"),
            Map.entry("prices", "livechat.quick.prices"), Map.entry("quickLabel", "livechat.quick.label"),
            Map.entry("state_pending", "livechat.state.pending"), Map.entry("state_open", "livechat.state.open"),
            Map.entry("state_resolved", "livechat.state.resolved"), Map.entry("typing", "livechat.typing"),
            Map.entry("offline", "livechat.offline"), Map.entry("you", "livechat.you"),
            Map.entry("agent", "livechat.agent"), Map.entry("bot", "livechat.bot"), Map.entry("error", "livechat.error"));

    private final byte[] script;

    @Inject
    WidgetService(Messages messages) {
        String body;
        try (InputStream in = WidgetService.class.getClassLoader().getResourceAsStream("static/js/chat-embed.js")) {
            if (in == null) {
                throw new IllegalStateException("static/js/chat-embed.js is missing from the class path");
            }
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, String>> strings = new LinkedHashMap<>();
        for (Lang lang : Lang.values()) {
            Map<String, String> texts = new LinkedHashMap<>();
            TEXTS.forEach((name, key) -> texts.put(name, messages.text(lang, key)));
            strings.put(lang.code(), texts);
        }
        try {
            this.script = ("(function (STRINGS) {\n" + body + "\n})(" + Json.MAPPER.writeValueAsString(strings) + ");\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("widget texts are not serialisable", e);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/chat-embed.js", (req, res) -> {
            res.status(Status.OK_200);
            res.header(HeaderNames.CONTENT_TYPE, "text/javascript; charset=utf-8");
            // Short: sites keep the tag for years, and we want fixes to reach them.
            res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
            res.header(HeaderNames.create("Cross-Origin-Resource-Policy"), "cross-origin");
            res.send(script);
        });
    }
}
