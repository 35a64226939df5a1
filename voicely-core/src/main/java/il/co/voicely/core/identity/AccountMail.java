package il.co.voicely.core.identity;

import il.co.voicely.core.db.Role;
import il.co.voicely.core.mail.MailDeliveryException;
import il.co.voicely.core.mail.MailMessage;
import il.co.voicely.core.mail.Mailer;
import java.net.URI;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account e-mails (verify, reset, invitation, "you already have an account"), in the user's
 * language from {@code mail_he.properties} / {@code mail_en.properties}, with links into the app:
 * {@code <baseUrl>/verify-email?token=…}, {@code /reset-password?token=…}, {@code /invitation?token=…}.
 *
 * <pre>{@code
 * AccountMail mail = new AccountMail(mailer, URI.create("https://app.voicely.co.il"));
 * }</pre>
 */
public final class AccountMail {

    /** The app's page that redeems a verification token. */
    public static final String VERIFY_PATH = "/verify-email";
    /** The app's page that asks for a new password and redeems a reset token. */
    public static final String RESET_PATH = "/reset-password";
    /** The app's page where an invited person sets a password. */
    public static final String INVITATION_PATH = "/invitation";
    /** The app's sign-in page. */
    public static final String SIGN_IN_PATH = "/sign-in";

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);
    private static final String BUNDLE = "il.co.voicely.core.identity.mail";

    private final Mailer mailer;
    private final String baseUrl;

    public AccountMail(Mailer mailer, URI baseUrl) {
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    void verification(String to, UUID userId, String locale, String token, long hours) {
        send(to, userId, locale, "verify", link(VERIFY_PATH, token), hours);
    }

    void passwordReset(String to, UUID userId, String locale, String token, long minutes) {
        send(to, userId, locale, "reset", link(RESET_PATH, token), minutes);
    }

    void invitation(String to, UUID userId, String locale, String token, Role role, long days) {
        ResourceBundle b = bundle(locale);
        send(to, userId, locale, "invite", link(INVITATION_PATH, token), b.getString("role." + role.sqlName()), days);
    }

    void alreadyRegistered(String to, UUID userId, String locale) {
        send(to, userId, locale, "exists", baseUrl + SIGN_IN_PATH, baseUrl + RESET_PATH);
    }

    private String link(String path, String token) {
        // base64url needs no escaping in a query string
        return baseUrl + path + "?token=" + token;
    }

    /**
     * Sends or logs the failure. Account flows do not fail on mail trouble: the user can ask again, and
     * an exception here would answer differently for existing and unknown addresses.
     */
    private void send(String to, UUID userId, String locale, String key, Object... args) {
        ResourceBundle b = bundle(locale);
        Locale l = Locale.forLanguageTag(locale);
        String subject = new MessageFormat(b.getString(key + ".subject"), l).format(args);
        String body = new MessageFormat(b.getString(key + ".body"), l).format(args);
        try {
            mailer.send(new MailMessage(to, Optional.ofNullable(userId), subject, body));
        } catch (MailDeliveryException e) {
            log.error("Account mail '{}' to user {} was not delivered: {}", key, userId, e.getMessage(), e);
        }
    }

    private static ResourceBundle bundle(String locale) {
        return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(Emails.locale(locale)), AccountMail.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
