package il.co.voicely.app.web;

import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * Which language a request gets: {@code ?lang=xx} (remembered in a cookie), else the cookie, else the
 * signed-in user's stored language, else Hebrew.
 *
 * @param lang      the language
 * @param chosenNow whether the request chose it with {@code ?lang=}, so the cookie must be (re)set
 */
record LanguageChoice(Lang lang, boolean chosenNow) {

    static final String PARAMETER = "lang";
    static final String COOKIE = "lang";

    static LanguageChoice of(ServerRequest request) {
        Optional<Lang> asked = request.query().first(PARAMETER).asOptional().flatMap(Lang::fromCode);
        if (asked.isPresent()) {
            return new LanguageChoice(asked.get(), true);
        }
        Lang remembered = request.headers().cookies().first(COOKIE).asOptional()
                .flatMap(Lang::fromCode)
                .or(() -> request.context().get(Visitor.class)
                        .flatMap(Visitor::user).flatMap(user -> Lang.fromCode(user.locale())))
                .orElse(Lang.defaultLang());
        return new LanguageChoice(remembered, false);
    }

    SetCookie cookie() {
        return cookie(lang);
    }

    static SetCookie cookie(Lang lang) {
        return SetCookie.builder(COOKIE, lang.code())
                .path("/")
                .maxAge(Duration.ofDays(365))
                .sameSite(SetCookie.SameSite.LAX)
                .httpOnly(true)
                .build();
    }
}
