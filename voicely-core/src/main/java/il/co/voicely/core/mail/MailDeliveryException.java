package il.co.voicely.core.mail;

/** A message could not be handed to the SMTP server or stored in the outbox. */
public final class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
