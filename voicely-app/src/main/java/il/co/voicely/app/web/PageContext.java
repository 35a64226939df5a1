package il.co.voicely.app.web;

import il.co.voicely.core.identity.AuthenticatedUser;
import java.util.Objects;
import java.util.Optional;

/**
 * What every template knows about the request it renders: the language, its texts, the path (for the
 * navigation's current item) and the asset URLs. Templates take it as {@code @param PageContext page}.
 *
 * @param lang     the language to speak
 * @param messages the UI texts
 * @param path     the request path
 * @param assets   stylesheet and script URLs
 * @param visitor  who is asking: the signed-in user, if any, and the anti-forgery token for forms
 */
public record PageContext(Lang lang, Messages messages, String path, Assets assets, Visitor visitor) {

    public PageContext {
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(assets, "assets");
        Objects.requireNonNull(visitor, "visitor");
    }

    /** The signed-in user, if any. */
    public Optional<AuthenticatedUser> user() {
        return visitor.user();
    }

    /** Whether someone is signed in (the header shows settings and sign-out instead of sign-in). */
    public boolean signedIn() {
        return visitor.user().isPresent();
    }

    /** The anti-forgery token every state-changing form carries as {@code _csrf}. */
    public String csrf() {
        return visitor.csrfToken();
    }

    /** The {@code hx-headers} JSON that makes every htmx request carry the anti-forgery token. */
    public String htmxHeaders() {
        // The token is base64url: nothing in it needs JSON escaping.
        return "{\"X-CSRF-Token\": \"" + visitor.csrfToken() + "\"}";
    }

    /** The text for {@code key} in this page's language. */
    public String t(String key, Object... args) {
        return messages.text(lang, key, args);
    }

    /** {@code instant} as the school's local date and time, in this page's language. */
    public String dateTime(java.time.Instant instant) {
        return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
                .withLocale(lang.locale())
                .withZone(java.time.ZoneId.of("Asia/Jerusalem"))
                .format(instant);
    }

    /** Whether {@code item} is the navigation destination this page belongs to. */
    public boolean isCurrent(NavItem item) {
        return item.covers(path);
    }

    /** The navigation destinations, in order. */
    public NavItem[] nav() {
        return NavItem.values();
    }
}
