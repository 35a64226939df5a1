package il.co.voicely.app.auth;

import il.co.voicely.core.identity.AccountMail;

/** The auth pages' addresses; the e-mailed ones come from {@link AccountMail}, so links and routes agree. */
public final class SignInPaths {

    public static final String SIGN_IN = AccountMail.SIGN_IN_PATH;
    /** A shorter spelling that answers the same page. */
    public static final String SIGN_IN_ALIAS = "/signin";
    public static final String SIGN_UP = "/sign-up";
    public static final String SIGN_OUT = "/sign-out";
    public static final String FORGOT = "/forgot-password";
    public static final String RESET = AccountMail.RESET_PATH;
    public static final String VERIFY = AccountMail.VERIFY_PATH;
    /** POST: mail a new verification link to the signed-in user. */
    public static final String RESEND = AccountMail.VERIFY_PATH + "/resend";
    public static final String INVITATION = AccountMail.INVITATION_PATH;

    private SignInPaths() {
    }
}
