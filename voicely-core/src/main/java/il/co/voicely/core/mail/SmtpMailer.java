package il.co.voicely.core.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends through an SMTP server with Jakarta Mail (Eclipse Angus). Each {@link #send} opens and closes a
 * connection; the volume of a school's account mail does not justify a pool.
 */
public final class SmtpMailer implements Mailer {

    private final SmtpSettings settings;
    private final Session session;

    public SmtpMailer(SmtpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", Integer.toString(settings.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        if (settings.startTls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        Authenticator auth = null;
        if (settings.username().isPresent()) {
            props.put("mail.smtp.auth", "true");
            String user = settings.username().get();
            String secret = settings.password().orElse("");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, secret);
                }
            };
        }
        this.session = Session.getInstance(props, auth);
    }

    @Override
    public void send(MailMessage message) {
        Objects.requireNonNull(message, "message");
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(settings.from()));
            mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to(), true));
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mime.setText(message.text(), StandardCharsets.UTF_8.name());
            mime.setSentDate(new Date());
            Transport.send(mime);
        } catch (MessagingException e) {
            throw new MailDeliveryException("Could not send mail to " + message.to() + " through "
                    + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
    }
}
