package il.co.voicely.app.auth;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.common.parameters.Parameters;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/**
 * The submitted form of a request. The auth filter reads url-encoded bodies to check the anti-forgery
 * field, and a body can be read once, so it keeps the parsed form in the request context for handlers.
 *
 * <pre>{@code
 * Parameters form = Forms.of(req);
 * String email = Forms.text(form, "email");
 * }</pre>
 */
public final class Forms {

    private Forms() {
    }

    /** The form the request posted (empty parameters when it posted none). */
    public static Parameters of(ServerRequest request) {
        return request.context().get(FormHolder.class).map(FormHolder::form).orElseGet(() -> read(request));
    }

    /** A field's value, stripped of surrounding spaces; empty string when absent. */
    public static String text(Parameters form, String name) {
        return form.first(name).asOptional().map(String::strip).orElse("");
    }

    /** A field's value exactly as typed (passwords: spaces count); empty string when absent. */
    public static String raw(Parameters form, String name) {
        return form.first(name).asOptional().orElse("");
    }

    static Parameters readAndKeep(ServerRequest request) {
        Parameters form = read(request);
        request.context().register(new FormHolder(form));
        return form;
    }

    private static Parameters read(ServerRequest request) {
        boolean urlEncoded = request.headers().contentType()
                .map(type -> type.test(MediaTypes.APPLICATION_FORM_URLENCODED))
                .orElse(false);
        return urlEncoded && request.content().hasEntity()
                ? request.content().as(Parameters.class)
                : Parameters.empty("form");
    }

    private record FormHolder(Parameters form) {
    }

    static Optional<String> field(Parameters form, String name) {
        return form.first(name).asOptional();
    }
}
