package il.co.voicely.app;

/** A setting is missing or malformed; the message names the environment variable to fix. */
public final class InvalidSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}. */
    public InvalidSettingsException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, caused by {@code cause}. */
    public InvalidSettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
