package il.co.voicely.app.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a precompiled jte template as the response, in the visitor's language.
 *
 * <pre>{@code
 * rules.get("/", (req, res) -> pages.render(req, res, "home/home.jte"));
 * }</pre>
 *
 * <p>Every template receives {@code page} ({@link PageContext}) besides its own parameters. A request with
 * {@code ?lang=en} or {@code ?lang=he} switches language and remembers it in a cookie.
 */
public final class Pages {

    private static final HttpMediaType HTML = HttpMediaType.create(MediaTypes.TEXT_HTML).withCharset(StandardCharsets.UTF_8);

    private final TemplateEngine templates;
    private final Messages messages;
    private final Assets assets;

    /** A renderer over precompiled templates. */
    @Inject
    public Pages(TemplateEngine templates, Messages messages, Assets assets) {
        this.templates = templates;
        this.messages = messages;
        this.assets = assets;
    }

    /** Renders {@code template} with status 200 and no parameters but {@code page}. */
    public void render(ServerRequest request, ServerResponse response, String template) {
        render(request, response, Status.OK_200, template, Map.of());
    }

    /** Renders {@code template} with {@code status} and {@code params} (plus {@code page}). */
    public void render(ServerRequest request, ServerResponse response, Status status, String template,
                       Map<String, Object> params) {
        LanguageChoice choice = LanguageChoice.of(request);
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", new PageContext(choice.lang(), messages, request.path().path(), assets, visitor(request)));
        StringOutput out = new StringOutput(8 * 1024);
        templates.render(template, all, out);

        if (choice.chosenNow()) {
            response.headers().addCookie(choice.cookie());
        }
        response.status(status);
        response.headers().contentType(HTML);
        response.header(HeaderNames.CONTENT_LANGUAGE, choice.lang().code());
        // The same URL renders in either language depending on the cookie.
        response.header(HeaderNames.VARY, "Cookie");
        response.send(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The language {@code request} is answered in (for JSON messages and e-mails started by it). */
    public Lang lang(ServerRequest request) {
        return LanguageChoice.of(request).lang();
    }

    /** The UI texts. */
    public Messages messages() {
        return messages;
    }

    /** The cookie that remembers {@code lang} for later pages (set when a user picks a language in settings). */
    public static SetCookie languageCookie(Lang lang) {
        return LanguageChoice.cookie(lang);
    }

    /** Who is asking, as the auth filter found out; {@link Visitor#unknown()} before it ran. */
    public static Visitor visitor(ServerRequest request) {
        return request.context().get(Visitor.class).orElseGet(Visitor::unknown);
    }
}
