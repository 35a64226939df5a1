package il.co.voicely.core.learning;

/** A join link whose code matches no lesson or group (mistyped, or replaced by a newer link). */
public final class UnknownJoinCodeException extends RuntimeException {

    public UnknownJoinCodeException(String code) {
        super("No lesson or group has the join code '" + code + "'");
    }
}
