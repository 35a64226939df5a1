package il.co.voicely.core.identity;

import java.util.UUID;

/** An admin action named a user id that does not exist. */
public final class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException(UUID userId) {
        super("No account with id " + userId);
    }
}
