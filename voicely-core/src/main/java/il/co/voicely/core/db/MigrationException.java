package il.co.voicely.core.db;

/** A module's schema migrations failed; the message names the module and the failing migration. */
public class MigrationException extends RuntimeException {

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
