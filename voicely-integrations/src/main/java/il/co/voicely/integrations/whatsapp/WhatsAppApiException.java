package il.co.voicely.integrations.whatsapp;

import il.co.voicely.integrations.http.ApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Graph API refused a request. Carries Meta's error object: {@code code} (e.g. 131030 recipient
 * not in allowed list, 130429 rate limit), {@code error_subcode}, the message and {@code fbtrace_id}
 * that Meta support asks for.
 */
public final class WhatsAppApiException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final Integer subcode;
    private final String type;
    private final String apiMessage;
    private final String details;
    private final String fbtraceId;

    WhatsAppApiException(int statusCode, int code, Integer subcode, String type, String apiMessage,
                         String details, String fbtraceId, Optional<Duration> retryAfter) {
        super("WhatsApp Cloud API answered HTTP " + statusCode + ": (#" + code + ") " + apiMessage
                + (details == null ? "" : " — " + details)
                + (fbtraceId == null ? "" : " [fbtrace_id " + fbtraceId + "]"), statusCode, retryAfter);
        this.code = code;
        this.subcode = subcode;
        this.type = type;
        this.apiMessage = apiMessage;
        this.details = details;
        this.fbtraceId = fbtraceId;
    }

    /** Meta's error {@code code}; 0 when the response carried no Graph error object. */
    public int code() {
        return code;
    }

    public OptionalInt subcode() {
        return subcode == null ? OptionalInt.empty() : OptionalInt.of(subcode);
    }

    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** Meta's {@code message}, without the status prefix of {@link #getMessage()}. */
    public String apiMessage() {
        return apiMessage;
    }

    /** {@code error_data.details}, the most specific explanation Meta gives. */
    public Optional<String> details() {
        return Optional.ofNullable(details);
    }

    public Optional<String> fbtraceId() {
        return Optional.ofNullable(fbtraceId);
    }
}
