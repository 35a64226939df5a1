package il.co.voicely.app.web;

import java.util.Objects;

/**
 * What every template knows about the request it renders: the language, its texts, the path (for the
 * navigation's current item) and the asset URLs. Templates take it as {@code @param PageContext page}.
 *
 * @param lang     the language to speak
 * @param messages the UI texts
 * @param path     the request path
 * @param assets   stylesheet and script URLs
 */
public record PageContext(Lang lang, Messages messages, String path, Assets assets) {

    public PageContext {
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(assets, "assets");
    }

    /** The text for {@code key} in this page's language. */
    public String t(String key, Object... args) {
        return messages.text(lang, key, args);
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
