package il.co.voicely.integrations.calcom;

import il.co.voicely.integrations.http.ApiException;
import java.time.Duration;
import java.util.Optional;

/** Cal.com refused a request; carries its error {@code code} (e.g. {@code BadRequestException}) and message. */
public final class CalComApiException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final String apiMessage;

    CalComApiException(int statusCode, String errorCode, String apiMessage, Optional<Duration> retryAfter) {
        super("Cal.com API answered HTTP " + statusCode + ": " + errorCode + ": " + apiMessage, statusCode, retryAfter);
        this.errorCode = errorCode;
        this.apiMessage = apiMessage;
    }

    /** Cal.com's {@code error.code}, or {@code HTTP_<status>} when the body carried none. */
    public String errorCode() {
        return errorCode;
    }

    public String apiMessage() {
        return apiMessage;
    }
}
