package il.co.voicely.app.auth;

import il.co.voicely.app.web.Visitor;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.core.identity.UserSessions;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every handler: finds who is asking (bearer token first, else the session cookie), gives
 * them an anti-forgery token, and refuses a state-changing request that does not carry it.
 *
 * <p>CSRF rules. A forged request rides on credentials the browser adds by itself (cookies). So:
 * <ul>
 *   <li>{@code Authorization: Bearer} requests are exempt: a page on another site cannot make a browser
 *   add that header.</li>
 *   <li>{@code /api/*} requests with no session cookie are exempt for the same reason: they carry no
 *   ambient credentials (e.g. {@code POST /api/v1/auth/login} from a script).</li>
 *   <li>{@code /webhooks/*} (WhatsApp, Cal.com) are exempt: the provider signs the raw body, which the
 *   webhook service verifies instead, and reading the body here for a form field would consume it.</li>
 *   <li>Everything else that is not GET/HEAD/OPTIONS must carry the token in the {@code X-CSRF-Token}
 *   header (htmx, via {@code hx-headers} on {@code <body>}) or the {@code _csrf} form field.</li>
 * </ul>
 */
public final class AuthFilter implements Filter {

    private static final Set<Method> SAFE = Set.of(Method.GET, Method.HEAD, Method.OPTIONS, Method.TRACE);
    private static final String BEARER = "Bearer ";
    /** Provider webhooks authenticate by signature (see {@code il.co.voicely.app.webhooks}). */
    private static final String SIGNED_WEBHOOKS = "/webhooks/";

    private final UserSessions sessions;
    private final Csrf csrf;
    private final Clients clients;
    private final AccessErrors errors;

    AuthFilter(UserSessions sessions, Csrf csrf, Clients clients, AccessErrors errors) {
        this.sessions = sessions;
        this.csrf = csrf;
        this.clients = clients;
        this.errors = errors;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (path.startsWith("/static/") || path.startsWith("/webjars/")) {
            chain.proceed(); // files: no session look-up, no database round trip
            return;
        }
        Clients.Client client = clients.of(req);
        Optional<String> bearer = req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).strip());
        Optional<String> cookie = SessionCookie.read(req);
        Optional<AuthenticatedUser> user = bearer.isPresent()
                ? sessions.resolve(bearer.get())
                : cookie.flatMap(sessions::resolve);

        Optional<String> nonce = req.headers().cookies().first(Csrf.COOKIE).asOptional().filter(n -> !n.isBlank());
        if (nonce.isEmpty() && bearer.isEmpty()) {
            nonce = Optional.of(csrf.newNonce());
            res.headers().addCookie(csrf.nonceCookie(nonce.get(), client.secure()));
        }
        String token = user.isPresent() && bearer.isEmpty()
                ? csrf.forSession(cookie.orElseThrow())
                : nonce.map(csrf::forNonce).orElse("");
        req.context().register(new Visitor(user, token, client.ip(), client.userAgent(), client.secure()));

        if (!SAFE.contains(req.prologue().method()) && needsCsrf(path, bearer, cookie)) {
            Optional<String> presented = req.headers().first(HeaderNames.create(Csrf.HEADER));
            if (presented.isEmpty()) {
                Parameters form = Forms.readAndKeep(req);
                presented = Forms.field(form, Csrf.FIELD);
            }
            // Only a cookie we just minted is not the one the page was rendered with; checking against it fails, as it should.
            Optional<String> sentNonce = req.headers().cookies().first(Csrf.COOKIE).asOptional();
            if (!csrf.valid(presented, cookie.filter(c -> user.isPresent()), sentNonce)) {
                errors.csrfRejected(req, res);
                return;
            }
        }
        chain.proceed();
    }

    private static boolean needsCsrf(String path, Optional<String> bearer, Optional<String> cookie) {
        if (bearer.isPresent() || path.startsWith(SIGNED_WEBHOOKS)) {
            return false;
        }
        return !(path.startsWith("/api/") && cookie.isEmpty());
    }
}
