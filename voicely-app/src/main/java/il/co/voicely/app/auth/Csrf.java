package il.co.voicely.app.auth;

import io.helidon.http.SetCookie;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anti-forgery tokens, with no server-side state (any app instance can check them).
 *
 * <ul>
 *   <li>Signed in with the cookie: the token is an HMAC keyed by the session token, so it is bound to the
 *   session and worthless after sign-out (a synchronizer token that needs no table).</li>
 *   <li>Anonymous forms (sign-in, sign-up, reset): a signed double-submit. The {@value #COOKIE} cookie holds
 *   a random nonce; the form carries HMAC(server secret, nonce). A forger can neither read the cookie nor,
 *   without the secret, compute the token for a nonce they managed to plant.</li>
 * </ul>
 */
final class Csrf {

    static final String COOKIE = "voicely_csrf";
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final SecureRandom random = new SecureRandom();

    Csrf(byte[] secret) {
        this.secret = secret.clone();
    }

    String newNonce() {
        byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        return B64.encodeToString(nonce);
    }

    SetCookie nonceCookie(String nonce, boolean secure) {
        // A browser-session cookie: it only has to outlive the form it protects.
        return SetCookie.builder(COOKIE, nonce).path("/").httpOnly(true).sameSite(SetCookie.SameSite.LAX).secure(secure).build();
    }

    String forSession(String sessionToken) {
        return hmac(sessionToken.getBytes(StandardCharsets.US_ASCII), "voicely-csrf-session");
    }

    String forNonce(String nonce) {
        return hmac(secret, "voicely-csrf-anonymous:" + nonce);
    }

    /** Whether {@code presented} matches the session's token or the nonce's, compared in constant time. */
    boolean valid(Optional<String> presented, Optional<String> sessionToken, Optional<String> nonce) {
        if (presented.isEmpty() || presented.get().isEmpty()) {
            return false;
        }
        byte[] given = presented.get().getBytes(StandardCharsets.US_ASCII);
        boolean ok = sessionToken.map(t -> MessageDigest.isEqual(given, forSession(t).getBytes(StandardCharsets.US_ASCII))).orElse(false);
        ok |= nonce.map(n -> MessageDigest.isEqual(given, forNonce(n).getBytes(StandardCharsets.US_ASCII))).orElse(false);
        return ok;
    }

    private static String hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
