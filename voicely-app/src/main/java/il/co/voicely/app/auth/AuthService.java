package il.co.voicely.app.auth;

import il.co.voicely.app.analytics.Tracking;
import il.co.voicely.app.web.FormView;
import il.co.voicely.app.web.Lang;
import il.co.voicely.app.web.Pages;
import il.co.voicely.app.web.Visitor;
import il.co.voicely.core.identity.AccountInputException;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.core.identity.InvalidTokenException;
import il.co.voicely.core.identity.SignInResult;
import il.co.voicely.core.identity.SignUp;
import il.co.voicely.core.identity.SignedIn;
import il.co.voicely.core.identity.UserAccounts;
import il.co.voicely.core.identity.UserSessions;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The account pages: sign in, sign up, verify e-mail, forgot and reset password, accept an invitation,
 * sign out. Each handler reads the form, calls {@link UserAccounts} or {@link UserSessions}, and renders.
 */
public final class AuthService implements HttpService {

    private final Pages pages;
    private final UserAccounts accounts;
    private final UserSessions sessions;
    private final SessionCookie cookie;
    private final RateLimits limits;
    private final Clock clock;
    private final Tracking tracking;

    @Inject
    AuthService(Pages pages, UserAccounts accounts, UserSessions sessions, SessionCookie cookie, RateLimits limits, Clock clock,
                Tracking tracking) {
        this.pages = pages;
        this.accounts = accounts;
        this.sessions = sessions;
        this.cookie = cookie;
        this.limits = limits;
        this.clock = clock;
        this.tracking = tracking;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(SignInPaths.SIGN_IN, this::signInPage)
                .get(SignInPaths.SIGN_IN_ALIAS, this::signInPage)
                .post(SignInPaths.SIGN_IN, this::signIn)
                .post(SignInPaths.SIGN_IN_ALIAS, this::signIn)
                .get(SignInPaths.SIGN_UP, (req, res) -> signUpPage(req, res, Status.OK_200, FormView.empty()))
                .post(SignInPaths.SIGN_UP, this::signUp)
                .get(SignInPaths.VERIFY, this::verify)
                .post(SignInPaths.RESEND, this::resendVerification)
                .get(SignInPaths.FORGOT, (req, res) -> render(req, res, Status.OK_200, "auth/forgot.jte", Map.of("form", FormView.empty())))
                .post(SignInPaths.FORGOT, this::forgot)
                .get(SignInPaths.RESET, (req, res) -> resetPage(req, res, Status.OK_200, token(req), FormView.empty()))
                .post(SignInPaths.RESET, this::reset)
                .get(SignInPaths.INVITATION, (req, res) -> invitationPage(req, res, Status.OK_200, token(req), FormView.empty()))
                .post(SignInPaths.INVITATION, this::acceptInvitation)
                .post(SignInPaths.SIGN_OUT, this::signOut);
    }

    private void signInPage(ServerRequest req, ServerResponse res) {
        String next = SafeRedirect.target(req.query().first("next").asOptional());
        if (Access.current(req).isPresent()) {
            redirect(res, next);
            return;
        }
        signInForm(req, res, Status.OK_200, FormView.empty(), next);
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        Parameters form = Forms.of(req);
        Visitor visitor = Pages.visitor(req);
        String email = Forms.text(form, "email");
        String next = SafeRedirect.target(Forms.field(form, "next"));
        limits.check(RateLimits.Kind.SIGN_IN, visitor.ip());
        if (!email.isEmpty()) {
            limits.check(RateLimits.Kind.SIGN_IN, "email:" + email);
        }
        FormView view = FormView.empty().with("email", email);
        switch (accounts.authenticate(email, Forms.raw(form, "password"), visitor.ip(), visitor.userAgent())) {
            case SignInResult.Success success -> {
                // The session the visitor came with (if any) ends: one browser, one fresh token.
                SessionCookie.read(req).ifPresent(old -> sessions.signOut(old, visitor.ip(), visitor.userAgent()));
                startSession(res, success.session(), visitor);
                tracking.signedIn(success.session().user(), "password");
                redirect(res, next);
            }
            case SignInResult.Failure failure -> signInForm(req, res, Status.OK_200, view.formError(failure.messageKey()), next);
            case SignInResult.LockedOut locked -> {
                long minutes = Math.max(1, Duration.between(clock.instant(), locked.until()).toMinutes() + 1);
                res.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, Duration.between(clock.instant(), locked.until()).toSeconds())));
                signInForm(req, res, Status.TOO_MANY_REQUESTS_429, view.formError("signin.locked", minutes), next);
            }
            case SignInResult.Disabled disabled -> signInForm(req, res, Status.FORBIDDEN_403, view.formError("signin.disabled"), next);
        }
    }

    private void signInForm(ServerRequest req, ServerResponse res, Status status, FormView form, String next) {
        render(req, res, status, "auth/sign-in.jte", Map.of("form", form, "next", next));
    }

    private void startSession(ServerResponse res, SignedIn signedIn, Visitor visitor) {
        res.headers().addCookie(cookie.issue(signedIn.token(), visitor.secure()));
        Lang.fromCode(signedIn.user().locale()).ifPresent(lang -> res.headers().addCookie(Pages.languageCookie(lang)));
    }

    private void signUp(ServerRequest req, ServerResponse res) {
        Parameters form = Forms.of(req);
        Visitor visitor = Pages.visitor(req);
        limits.check(RateLimits.Kind.SIGN_UP, visitor.ip());
        String email = Forms.text(form, "email");
        String name = Forms.text(form, "displayName");
        boolean consent = Forms.text(form, "consent").equals("yes");
        FormView view = FormView.empty().with("email", email).with("displayName", name).with("consent", consent ? "yes" : "");
        if (name.isEmpty()) {
            signUpPage(req, res, Status.BAD_REQUEST_400, view.error("displayName", "input.display_name.required"));
            return;
        }
        try {
            accounts.signUp(new SignUp(email, Forms.raw(form, "password"), name, pages.lang(req).code(), consent),
                    visitor.ip(), visitor.userAgent());
        } catch (AccountInputException e) {
            signUpPage(req, res, Status.BAD_REQUEST_400, view.error(e.field(), "input." + e.code()));
            return;
        }
        notice(req, res, Status.OK_200, "signup.sent.title", "signup.sent.text", SignInPaths.SIGN_IN, "notice.to_signin");
    }

    private void signUpPage(ServerRequest req, ServerResponse res, Status status, FormView form) {
        render(req, res, status, "auth/sign-up.jte", Map.of("form", form));
    }

    private void verify(ServerRequest req, ServerResponse res) {
        try {
            accounts.verifyEmail(token(req));
            notice(req, res, Status.OK_200, "verify.done.title", "verify.done.text",
                    Access.current(req).isPresent() ? SafeRedirect.DEFAULT : SignInPaths.SIGN_IN, "notice.continue");
        } catch (InvalidTokenException e) {
            notice(req, res, Status.BAD_REQUEST_400, "link.invalid.title", "verify.invalid.text", SignInPaths.SIGN_IN, "notice.to_signin");
        }
    }

    private void resendVerification(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        limits.check(RateLimits.Kind.SIGN_UP, Pages.visitor(req).ip());
        accounts.resendVerification(me.email());
        redirect(res, SafeRedirect.DEFAULT + "?resent=1");
    }

    private void forgot(ServerRequest req, ServerResponse res) {
        Visitor visitor = Pages.visitor(req);
        limits.check(RateLimits.Kind.PASSWORD_RESET, visitor.ip());
        accounts.requestPasswordReset(Forms.text(Forms.of(req), "email"), visitor.ip(), visitor.userAgent());
        // The same answer whether or not the address has an account.
        notice(req, res, Status.OK_200, "forgot.sent.title", "forgot.sent.text", SignInPaths.SIGN_IN, "notice.to_signin");
    }

    private void resetPage(ServerRequest req, ServerResponse res, Status status, String token, FormView form) {
        render(req, res, status, "auth/reset.jte", Map.of("form", form, "token", token));
    }

    private void reset(ServerRequest req, ServerResponse res) {
        Parameters form = Forms.of(req);
        Visitor visitor = Pages.visitor(req);
        limits.check(RateLimits.Kind.PASSWORD_RESET, visitor.ip());
        String token = Forms.text(form, "token");
        try {
            accounts.resetPassword(token, Forms.raw(form, "password"), visitor.ip(), visitor.userAgent());
            notice(req, res, Status.OK_200, "reset.done.title", "reset.done.text", SignInPaths.SIGN_IN, "notice.to_signin");
        } catch (AccountInputException e) {
            resetPage(req, res, Status.BAD_REQUEST_400, token, FormView.empty().error("password", "input." + e.code()));
        } catch (InvalidTokenException e) {
            notice(req, res, Status.BAD_REQUEST_400, "link.invalid.title", "reset.invalid.text", SignInPaths.FORGOT, "reset.again");
        }
    }

    private void invitationPage(ServerRequest req, ServerResponse res, Status status, String token, FormView form) {
        render(req, res, status, "auth/invitation.jte", Map.of("form", form, "token", token));
    }

    private void acceptInvitation(ServerRequest req, ServerResponse res) {
        Parameters form = Forms.of(req);
        Visitor visitor = Pages.visitor(req);
        limits.check(RateLimits.Kind.INVITATION, visitor.ip());
        String token = Forms.text(form, "token");
        String name = Forms.text(form, "displayName");
        try {
            SignedIn signedIn = accounts.acceptInvitation(token, Forms.raw(form, "password"), name, visitor.ip(), visitor.userAgent());
            startSession(res, signedIn, visitor);
            tracking.signedIn(signedIn.user(), "invitation");
            redirect(res, SafeRedirect.DEFAULT);
        } catch (AccountInputException e) {
            invitationPage(req, res, Status.BAD_REQUEST_400, token, FormView.empty().with("displayName", name).error("password", "input." + e.code()));
        } catch (InvalidTokenException e) {
            notice(req, res, Status.BAD_REQUEST_400, "link.invalid.title", "invitation.invalid.text", SignInPaths.SIGN_IN, "notice.to_signin");
        }
    }

    private void signOut(ServerRequest req, ServerResponse res) {
        Visitor visitor = Pages.visitor(req);
        SessionCookie.read(req).ifPresent(token -> sessions.signOut(token, visitor.ip(), visitor.userAgent()));
        res.headers().addCookie(cookie.clear(visitor.secure()));
        redirect(res, "/");
    }

    private void notice(ServerRequest req, ServerResponse res, Status status, String titleKey, String textKey, String href, String linkKey) {
        render(req, res, status, "auth/notice.jte", Map.of("titleKey", titleKey, "textKey", textKey, "linkHref", href, "linkKey", linkKey));
    }

    private void render(ServerRequest req, ServerResponse res, Status status, String template, Map<String, Object> params) {
        // Pages with forms and one-time tokens must not be kept by shared caches or the back button's cache.
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, status, template, params);
    }

    private static String token(ServerRequest req) {
        return req.query().first("token").asOptional().orElse("");
    }

    static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).send();
    }
}
