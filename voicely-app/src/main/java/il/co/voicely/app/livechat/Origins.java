package il.co.voicely.app.livechat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which pages may open our chat sockets. Browsers send {@code Origin} on every WebSocket handshake and
 * WebSockets are not bound by CORS, so this check is what stops a foreign page from riding a visitor's
 * cookie (cross-site WebSocket hijacking) or embedding the widget on a site the school did not list.
 */
final class Origins {

    private final List<String> widgetOrigins;

    Origins(List<String> widgetOrigins) {
        this.widgetOrigins = widgetOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    /** The page is on this server (or the client is no browser and sends no origin). */
    boolean sameOrigin(Headers headers) {
        Optional<String> origin = headers.first(HeaderNames.ORIGIN);
        if (origin.isEmpty()) {
            return true;
        }
        Optional<String> host = headers.first(HeaderNames.HOST);
        try {
            URI uri = URI.create(origin.get());
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.isPresent() && authority != null && authority.equalsIgnoreCase(host.get());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A site on the widget allow-list ({@code VOICELY_WIDGET_ORIGINS}). */
    boolean widgetAllowed(Headers headers) {
        return headers.first(HeaderNames.ORIGIN).map(o -> o.toLowerCase(Locale.ROOT)).filter(widgetOrigins::contains).isPresent();
    }
}
