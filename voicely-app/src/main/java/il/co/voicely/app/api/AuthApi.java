package il.co.voicely.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import il.co.voicely.app.auth.Access;
import il.co.voicely.app.auth.RateLimitedException;
import il.co.voicely.app.auth.RateLimits;
import il.co.voicely.app.auth.SessionCookie;
import il.co.voicely.app.web.Json;
import il.co.voicely.app.web.Pages;
import il.co.voicely.app.web.Visitor;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.core.identity.SignInResult;
import il.co.voicely.core.identity.UserAccounts;
import il.co.voicely.core.identity.UserSessions;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON auth API for the widget and scripts.
 *
 * <pre>
 * curl -s -X POST localhost:8080/api/v1/auth/login -d '{"email":"admin@voicely.local","password":"…"}'
 * {"token":"…","expiresAt":"2026-12-09T10:00:00Z"}
 * curl -s localhost:8080/api/v1/me -H "Authorization: Bearer …"
 * {"id":"…","email":"admin@voicely.local","role":"admin","roles":["admin"],"locale":"he","emailVerified":true}
 * curl -s -X POST localhost:8080/api/v1/auth/logout -H "Authorization: Bearer …"     (204)
 * </pre>
 */
public final class AuthApi implements HttpService {

    private final UserAccounts accounts;
    private final UserSessions sessions;
    private final RateLimits limits;
    private final Pages pages;
    private final Clock clock;

    @Inject
    AuthApi(UserAccounts accounts, UserSessions sessions, RateLimits limits, Pages pages, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.limits = limits;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/v1/auth/login", this::login)
                .post("/api/v1/auth/logout", this::logout)
                .get("/api/v1/me", (req, res) -> Json.send(res, Status.OK_200, describe(Access.user(req))));
    }

    private void login(ServerRequest req, ServerResponse res) {
        Visitor visitor = Pages.visitor(req);
        Optional<JsonNode> body = parse(req);
        String email = body.map(b -> b.path("email").asText("")).orElse("").strip();
        String password = body.map(b -> b.path("password").asText("")).orElse("");
        limits.check(RateLimits.Kind.SIGN_IN, visitor.ip());
        if (!email.isEmpty()) {
            limits.check(RateLimits.Kind.SIGN_IN, "email:" + email);
        }
        switch (accounts.authenticate(email, password, visitor.ip(), visitor.userAgent())) {
            case SignInResult.Success s -> Json.send(res, Status.OK_200, Map.of(
                    "token", s.session().token(), "expiresAt", s.session().expiresAt().toString()));
            case SignInResult.Failure f -> Json.error(res, Status.UNAUTHORIZED_401, "invalid_credentials", text(req, "signin.failed"));
            case SignInResult.LockedOut l -> throw new RateLimitedException(Duration.between(clock.instant(), l.until()));
            case SignInResult.Disabled d -> Json.error(res, Status.FORBIDDEN_403, "account_disabled", text(req, "signin.disabled"));
        }
    }

    private void logout(ServerRequest req, ServerResponse res) {
        Visitor visitor = Pages.visitor(req);
        Access.user(req);
        req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).strip())
                .or(() -> SessionCookie.read(req))
                .ifPresent(token -> sessions.signOut(token, visitor.ip(), visitor.userAgent()));
        res.status(Status.NO_CONTENT_204).send();
    }

    static Map<String, Object> describe(AuthenticatedUser user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.userId().toString());
        json.put("email", user.email());
        json.put("role", user.primaryRole().sqlName());
        json.put("roles", user.roles().stream().map(Role::sqlName).sorted().toList());
        json.put("locale", user.locale());
        json.put("emailVerified", user.emailVerified());
        return json;
    }

    private String text(ServerRequest req, String key) {
        return pages.messages().text(pages.lang(req), key);
    }

    private static Optional<JsonNode> parse(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.MAPPER.readTree(req.content().as(String.class))).filter(JsonNode::isObject);
        } catch (IOException e) {
            return Optional.empty(); // not JSON: the same 401 as a wrong password
        }
    }
}
