package il.co.voicely.app.web;

/** The five destinations of the bottom navigation, in the order they are shown. */
public enum NavItem {
    HOME("/", "nav.home", "home"),
    LESSONS("/lessons", "nav.lessons", "calendar"),
    RECORDINGS("/recordings", "nav.recordings", "mic"),
    CHAT("/chat", "nav.chat", "chat"),
    ACHIEVEMENTS("/achievements", "nav.achievements", "trophy");

    private final String path;
    private final String labelKey;
    private final String icon;

    NavItem(String path, String labelKey, String icon) {
        this.path = path;
        this.labelKey = labelKey;
        this.icon = icon;
    }

    /** A lower-case name for message keys and CSS, e.g. {@code lessons}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The link target. */
    public String path() {
        return path;
    }

    /** The message key of the label. */
    public String labelKey() {
        return labelKey;
    }

    /** The name of the inline icon drawn by {@code web/icon.jte}. */
    public String icon() {
        return icon;
    }

    /** Whether a page at {@code requestPath} belongs to this destination. */
    public boolean covers(String requestPath) {
        return this == HOME ? requestPath.equals("/") : requestPath.equals(path) || requestPath.startsWith(path + "/");
    }
}
