package il.co.voicely.app.auth;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Set;

/**
 * Where a request came from. {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed only
 * from the configured reverse proxies: anyone else could write them to dodge rate limits or fake TLS.
 */
final class Clients {

    private final Set<String> trustedProxies;

    Clients(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    record Client(String ip, String userAgent, boolean secure) {
    }

    Client of(ServerRequest request) {
        String peer = peerAddress(request);
        String userAgent = request.headers().first(HeaderNames.USER_AGENT).orElse("");
        if (!trustedProxies.contains(peer)) {
            return new Client(peer, userAgent, request.isSecure());
        }
        // The proxy appends the address it saw last; that is the one it vouches for.
        String ip = request.headers().first(HeaderNames.X_FORWARDED_FOR)
                .map(list -> list.substring(list.lastIndexOf(',') + 1).strip())
                .filter(address -> !address.isEmpty())
                .orElse(peer);
        boolean secure = request.isSecure() || request.headers().first(HeaderNames.X_FORWARDED_PROTO)
                .map(proto -> proto.strip().equalsIgnoreCase("https")).orElse(false);
        return new Client(ip, userAgent, secure);
    }

    private static String peerAddress(ServerRequest request) {
        SocketAddress address = request.remotePeer().address();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return request.remotePeer().host();
    }
}
