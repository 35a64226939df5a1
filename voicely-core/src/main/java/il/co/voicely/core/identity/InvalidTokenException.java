package il.co.voicely.core.identity;

/**
 * An e-mail link's token is unknown, expired or already used. Deliberately one exception for all three:
 * the page says "this link no longer works" and offers a new one.
 */
public final class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String purpose) {
        super("The " + purpose + " link is unknown, expired or already used");
    }
}
