package il.co.voicely.app.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where to go after sign-in: only a path on this site. {@code //evil.example}, {@code /\evil.example},
 * {@code https://…} and anything with a scheme or host would send a fresh session's owner to a phishing
 * page, so they fall back to the dashboard.
 */
final class SafeRedirect {

    static final String DEFAULT = "/dashboard";

    private SafeRedirect() {
    }

    static String target(Optional<String> next) {
        return next.filter(SafeRedirect::isLocalPath).orElse(DEFAULT);
    }

    static boolean isLocalPath(String candidate) {
        if (candidate.isEmpty() || candidate.length() > 2000 || candidate.charAt(0) != '/') {
            return false;
        }
        if (candidate.startsWith("//") || candidate.indexOf('\\') >= 0) {
            return false; // browsers read both as "another host"
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < 0x21 || c == 0x7f) {
                return false; // control characters and spaces: header splitting, or a host after stripping
            }
        }
        try {
            URI uri = new URI(candidate);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
