package il.co.voicely.app.auth;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;

/**
 * Security headers on every response. The Content-Security-Policy allows scripts and styles only from
 * this site (no inline script, no {@code eval}) and forbids framing, except under the path prefixes
 * given as embeddable (the chat widget, which schools put on their own sites).
 *
 * <pre>{@code
 * new SecurityHeaders(List.of("/widget"))   // /widget/** may be framed by any site
 * }</pre>
 */
public final class SecurityHeaders implements Filter {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    private final List<String> embeddable;

    /** Headers for every route; {@code embeddablePrefixes} may be framed by other sites. */
    public SecurityHeaders(List<String> embeddablePrefixes) {
        this.embeddable = List.copyOf(embeddablePrefixes);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        boolean framable = embeddable.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
        res.header(HeaderNames.create("Content-Security-Policy"), POLICY + (framable ? "; frame-ancestors *" : "; frame-ancestors 'none'"));
        if (!framable) {
            res.header(HeaderNames.create("X-Frame-Options"), "DENY"); // for browsers that predate frame-ancestors
        }
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        res.header(HeaderNames.create("Referrer-Policy"), "strict-origin-when-cross-origin");
        chain.proceed();
    }
}
