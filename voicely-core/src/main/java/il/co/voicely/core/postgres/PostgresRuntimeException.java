package il.co.voicely.core.postgres;

/**
 * The local PostgreSQL runtime could not be found, started or prepared. The message names the
 * missing piece and, where there is one, the command that fixes it.
 */
public class PostgresRuntimeException extends RuntimeException {

    public PostgresRuntimeException(String message) {
        super(message);
    }

    public PostgresRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }
}
