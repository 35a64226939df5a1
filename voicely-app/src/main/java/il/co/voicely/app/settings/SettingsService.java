package il.co.voicely.app.settings;

import il.co.voicely.app.auth.Access;
import il.co.voicely.app.auth.Forms;
import il.co.voicely.app.web.FormView;
import il.co.voicely.app.web.Lang;
import il.co.voicely.app.web.Pages;
import il.co.voicely.app.web.Visitor;
import il.co.voicely.core.identity.AccountInputException;
import il.co.voicely.core.identity.AuthenticatedUser;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /settings}: profile (name, phone), language, password, and the devices signed in. Every change
 * is a POST with the anti-forgery token, then a redirect back (so a reload does not post again).
 */
public final class SettingsService implements HttpService {

    static final String PATH = "/settings";
    private static final Set<String> SAVED = Set.of("profile", "language", "password", "session");

    private final Pages pages;
    private final Profiles profiles;
    private final UserAccounts accounts;
    private final UserSessions sessions;

    @Inject
    SettingsService(Pages pages, Profiles profiles, UserAccounts accounts, UserSessions sessions) {
        this.pages = pages;
        this.profiles = profiles;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, (req, res) -> {
            AuthenticatedUser me = Access.user(req);
            Profiles.Profile profile = profiles.of(me);
            show(req, res, me, Status.OK_200, FormView.empty().with("displayName", profile.displayName()).with("phone", profile.phone()),
                    FormView.empty());
        });
        rules.post(PATH + "/profile", this::saveProfile);
        rules.post(PATH + "/language", this::saveLanguage);
        rules.post(PATH + "/password", this::changePassword);
        rules.post(PATH + "/sessions/revoke", this::revoke);
        rules.post(PATH + "/sessions/revoke-all", this::revokeAll);
    }

    private void show(ServerRequest req, ServerResponse res, AuthenticatedUser me, Status status, FormView profile, FormView password) {
        Map<String, Object> params = new HashMap<>();
        params.put("profile", profile);
        params.put("password", password);
        params.put("sessions", sessions.list(me));
        params.put("saved", req.query().first("saved").asOptional().filter(SAVED::contains).orElse(""));
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, status, "settings/settings.jte", params);
    }

    private void saveProfile(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        Parameters form = Forms.of(req);
        String name = Forms.text(form, "displayName");
        String phoneTyped = Forms.text(form, "phone");
        FormView view = FormView.empty().with("displayName", name).with("phone", phoneTyped);
        Optional<String> phone = phoneTyped.isEmpty() ? Optional.empty() : Profiles.normalizePhone(phoneTyped);
        if (name.isEmpty() || name.length() > 200) {
            view.error("displayName", "input.display_name.required");
        }
        if (!phoneTyped.isEmpty() && phone.isEmpty()) {
            view.error("phone", "input.phone.invalid");
        }
        if (view.hasErrors()) {
            show(req, res, me, Status.BAD_REQUEST_400, view, FormView.empty());
            return;
        }
        Visitor visitor = Pages.visitor(req);
        profiles.update(me, name, phone, visitor.ip(), visitor.userAgent());
        back(res, "profile");
    }

    private void saveLanguage(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        Lang lang = Lang.fromCode(Forms.text(Forms.of(req), "lang")).orElse(Lang.defaultLang());
        profiles.setLocale(me, lang.code());
        res.headers().addCookie(Pages.languageCookie(lang));
        back(res, "language");
    }

    private void changePassword(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        Parameters form = Forms.of(req);
        Visitor visitor = Pages.visitor(req);
        try {
            accounts.changePassword(me, Forms.raw(form, "currentPassword"), Forms.raw(form, "newPassword"), visitor.ip(), visitor.userAgent());
        } catch (AccountInputException e) {
            String field = e.field().equals("password") ? "newPassword" : e.field();
            Profiles.Profile profile = profiles.of(me);
            show(req, res, me, Status.BAD_REQUEST_400, FormView.empty().with("displayName", profile.displayName()).with("phone", profile.phone()),
                    FormView.empty().error(field, "input." + e.code()));
            return;
        }
        back(res, "password");
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        Visitor visitor = Pages.visitor(req);
        parseId(Forms.text(Forms.of(req), "session"))
                .ifPresent(id -> sessions.revoke(me, id, visitor.ip(), visitor.userAgent()));
        back(res, "session");
    }

    private void revokeAll(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        Visitor visitor = Pages.visitor(req);
        sessions.signOutEverywhere(me, visitor.ip(), visitor.userAgent());
        // This device's session ended too: the sign-in page is where it goes next.
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/sign-in").send();
    }

    private static Optional<UUID> parseId(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void back(ServerResponse res, String saved) {
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, PATH + "?saved=" + saved).send();
    }
}
