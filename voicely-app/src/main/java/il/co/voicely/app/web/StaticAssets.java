package il.co.voicely.app.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

/**
 * Serves {@code /static/**} from the class path folder {@code static} and {@code /webjars/**} from the
 * WebJars ({@code META-INF/resources/webjars}). A file that is not there falls through to the 404 page.
 */
public final class StaticAssets implements HttpService {

    @Override
    public void routing(HttpRules rules) {
        // WebJar paths carry the library's version, so their content never changes under a URL.
        rules.get("/webjars/*", (req, res) -> {
            res.header(HeaderNames.CACHE_CONTROL, "public, max-age=31536000, immutable");
            res.next();
        });
        rules.register("/webjars", StaticContentFeature.createService(
                ClasspathHandlerConfig.builder().location("META-INF/resources/webjars").build()));
        rules.register("/static", StaticContentFeature.createService(
                ClasspathHandlerConfig.builder().location("static").build()));
    }
}
