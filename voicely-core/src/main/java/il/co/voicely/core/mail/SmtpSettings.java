package il.co.voicely.core.mail;

import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom to send mail.
 *
 * @param host     SMTP server name
 * @param port     usually 587 (STARTTLS) or 25
 * @param username login, empty for an open relay
 * @param password password for {@code username}
 * @param from     the sender address, e.g. {@code Voicely <no-reply@voicely.co.il>}
 * @param startTls whether to require STARTTLS before sending credentials or mail
 */
public record SmtpSettings(String host, int port, Optional<String> username, Optional<String> password, String from,
                           boolean startTls) {

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP host and port are required: '" + host + "':" + port);
        }
    }

    /** A server without login or TLS (a local relay, or GreenMail in tests). */
    public static SmtpSettings of(String host, int port, String from) {
        return new SmtpSettings(host, port, Optional.empty(), Optional.empty(), from, false);
    }

    /** The same settings with a login and STARTTLS required. */
    public SmtpSettings withLogin(String user, String secret) {
        return new SmtpSettings(host, port, Optional.of(user), Optional.of(secret), from, true);
    }

    /** Hides the password, so settings can be logged. */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", user=" + username.orElse("-") + ", from=" + from + ", starttls=" + startTls + "]";
    }
}
