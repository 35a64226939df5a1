package il.co.voicely.integrations.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures of webhook bodies. Support code for this module, not API. */
public final class Hmac {

    private Hmac() {
    }

    /** Lowercase hex of HMAC-SHA256(key = secret, message = body). */
    public static String sha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    /**
     * Whether {@code candidateHex} is the signature of {@code body}, compared in constant time so the
     * time taken tells an attacker nothing about how many leading characters were right.
     */
    public static boolean matches(String secret, byte[] body, String candidateHex) {
        if (candidateHex == null) {
            return false;
        }
        byte[] expected = sha256Hex(secret, body).getBytes(StandardCharsets.US_ASCII);
        byte[] candidate = candidateHex.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, candidate);
    }
}
