package il.co.voicely.app.web;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The UI text of every page, from {@code i18n/messages_<lang>.properties} (UTF-8).
 *
 * <pre>{@code
 * Messages messages = Messages.load();
 * messages.text(Lang.EN, "nav.home");             // Home
 * messages.text(Lang.EN, "error.status", 404);    // Error 404
 * }</pre>
 *
 * <p>A text with arguments is a {@link MessageFormat} pattern (so a literal apostrophe there is written
 * {@code ''}); a text without arguments is returned as written, apostrophes and all.
 */
public final class Messages {

    private final Map<Lang, ResourceBundle> bundles;

    private Messages(Map<Lang, ResourceBundle> bundles) {
        this.bundles = bundles;
    }

    /** Loads the bundle of every {@link Lang}. */
    public static Messages load() {
        Map<Lang, ResourceBundle> bundles = new EnumMap<>(Lang.class);
        // No fallback to the JVM's locale: a missing English key must not quietly show Hebrew, or vice versa.
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        for (Lang lang : Lang.values()) {
            bundles.put(lang, ResourceBundle.getBundle("i18n.messages", lang.locale(), Messages.class.getClassLoader(), control));
        }
        return new Messages(bundles);
    }

    /**
     * The text for {@code key} in {@code lang}.
     *
     * @throws MissingResourceException when the key is not in that language's bundle
     */
    public String text(Lang lang, String key, Object... args) {
        String pattern = bundles.get(lang).getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, lang.locale()).format(args);
    }

    /** The keys of one language's bundle, to check that every language says everything. */
    public Set<String> keys(Lang lang) {
        return bundles.get(lang).keySet();
    }
}
