package il.co.voicely.app.auth;

/** The signed-in user may not do this (wrong role): 403, as a page or as JSON under {@code /api}. */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String what) {
        super(what, null, false, false);
    }
}
