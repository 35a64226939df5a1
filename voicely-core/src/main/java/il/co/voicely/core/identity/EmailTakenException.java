package il.co.voicely.core.identity;

/** An admin or operator tried to create an account for an address that already has one. */
public final class EmailTakenException extends RuntimeException {

    public EmailTakenException(String email) {
        super("An account with e-mail '" + email + "' already exists");
    }
}
