package il.co.voicely.core.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps only literal IP addresses, so a bad header can neither fail an insert into an {@code inet}
 * column nor trigger a DNS look-up. Shared by the audit log and the session store.
 */
public final class ClientIp {

    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private ClientIp() {
    }

    /** The address in canonical form, or empty when {@code text} is not an IPv4 or IPv6 literal. */
    public static Optional<String> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (V4.matcher(t).matches()) {
            return Optional.of(t);
        }
        if (t.indexOf(':') >= 0 && V6.matcher(t).matches()) {
            try {
                // With a colon in it, InetAddress parses an IPv6 literal and never resolves a name.
                return Optional.of(InetAddress.getByName(t).getHostAddress());
            } catch (UnknownHostException | IllegalArgumentException invalid) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
