package il.co.voicely.app.auth;

/** The page or API needs a signed-in user and there is none: pages redirect to sign-in, the API answers 401. */
public final class SignInRequiredException extends RuntimeException {

    public SignInRequiredException() {
        super("sign-in required", null, false, false);
    }
}
