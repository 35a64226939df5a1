package il.co.voicely.core.db;

/**
 * The answer to "can we talk to the database right now?".
 *
 * @param up            whether a query round-tripped
 * @param detail        the server version when up, the error when down
 * @param latencyMillis how long the probe took
 */
public record DatabaseHealth(boolean up, String detail, long latencyMillis) {
}
