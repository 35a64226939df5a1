package il.co.voicely.app.auth;

import il.co.voicely.app.web.ErrorPages;
import il.co.voicely.app.web.Json;
import il.co.voicely.app.web.Pages;
import il.co.voicely.core.identity.PermissionDeniedException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Turns the access exceptions into answers: pages get a redirect to sign-in (coming back afterwards) or
 * the 403/429 page; {@code /api} gets JSON {@code {"error", "message"}} with 401, 403 or 429.
 */
public final class AccessErrors {

    private final ErrorPages errorPages;
    private final Pages pages;

    @Inject
    AccessErrors(ErrorPages errorPages, Pages pages) {
        this.errorPages = errorPages;
        this.pages = pages;
    }

    /** Registers the handlers on {@code routing}; before the catch-all {@code Throwable} handler. */
    public void register(HttpRouting.Builder routing) {
        routing.error(SignInRequiredException.class, (req, res, e) -> signInRequired(req, res));
        routing.error(ForbiddenException.class, (req, res, e) -> forbidden(req, res));
        routing.error(PermissionDeniedException.class, (req, res, e) -> forbidden(req, res));
        routing.error(RateLimitedException.class, this::rateLimited);
    }

    void signInRequired(ServerRequest req, ServerResponse res) {
        if (isApi(req)) {
            Json.error(res, Status.UNAUTHORIZED_401, "unauthorized", text(req, "api.unauthorized"));
            return;
        }
        String location = SignInPaths.SIGN_IN;
        if (req.prologue().method() == Method.GET) {
            String here = req.path().rawPath() + (req.query().rawValue().isEmpty() ? "" : "?" + req.query().rawValue());
            location += "?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
        }
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).send();
    }

    void forbidden(ServerRequest req, ServerResponse res) {
        if (isApi(req)) {
            Json.error(res, Status.FORBIDDEN_403, "forbidden", text(req, "api.forbidden"));
        } else {
            errorPages.show(req, res, Status.FORBIDDEN_403);
        }
    }

    void csrfRejected(ServerRequest req, ServerResponse res) {
        if (isApi(req)) {
            Json.error(res, Status.FORBIDDEN_403, "csrf", text(req, "error.csrf.text"));
        } else {
            errorPages.show(req, res, Status.FORBIDDEN_403, "error.csrf.title", "error.csrf.text");
        }
    }

    void rateLimited(ServerRequest req, ServerResponse res, RateLimitedException e) {
        res.header(HeaderNames.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        if (isApi(req)) {
            Json.error(res, Status.TOO_MANY_REQUESTS_429, "rate_limited", text(req, "api.rate_limited"));
        } else {
            errorPages.show(req, res, Status.TOO_MANY_REQUESTS_429);
        }
    }

    private String text(ServerRequest req, String key) {
        return pages.messages().text(pages.lang(req), key);
    }

    static boolean isApi(ServerRequest req) {
        return req.path().path().startsWith("/api/");
    }
}
