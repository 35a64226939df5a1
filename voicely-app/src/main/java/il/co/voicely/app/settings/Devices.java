package il.co.voicely.app.settings;

import java.util.Optional;

/** A short name for a browser from its {@code User-Agent}, for the list of signed-in devices. */
public final class Devices {

    private Devices() {
    }

    /** For example {@code Chrome · Android}; {@code ?} parts when the agent says nothing we know. */
    public static String describe(Optional<String> userAgent) {
        String ua = userAgent.orElse("");
        String browser = ua.contains("Edg/") ? "Edge" : ua.contains("Firefox/") ? "Firefox"
                : ua.contains("Chrome/") || ua.contains("Chromium/") ? "Chrome" : ua.contains("Safari/") ? "Safari"
                : ua.contains("curl/") ? "curl" : ua.contains("Java-http-client") ? "Java" : "?";
        String os = ua.contains("Android") ? "Android" : ua.contains("iPhone") || ua.contains("iPad") ? "iOS"
                : ua.contains("Windows") ? "Windows" : ua.contains("Mac OS") ? "macOS" : ua.contains("Linux") ? "Linux" : "?";
        return browser + " · " + os;
    }
}
