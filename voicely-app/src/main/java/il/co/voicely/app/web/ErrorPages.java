package il.co.voicely.app.web;

import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 404 page and the generic error page, in the visitor's language and with the right status.
 *
 * <pre>{@code
 * routing.error(Throwable.class, errorPages::handle);
 * routing.any(errorPages::notFound);   // last: nothing else matched
 * }</pre>
 */
public final class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final Pages pages;

    /** Error pages rendered by {@code pages}. */
    @Inject
    public ErrorPages(Pages pages) {
        this.pages = pages;
    }

    /** Answers {@code status} with its page (403 forbidden, 429 too many requests, ...). */
    public void show(ServerRequest request, ServerResponse response, Status status) {
        render(request, response, status);
    }

    /** Answers {@code status} with the error page, titled and explained by the given message keys. */
    public void show(ServerRequest request, ServerResponse response, Status status, String titleKey, String textKey) {
        pages.render(request, response, status, "web/error.jte", Map.of(
                "status", status.code(), "titleKey", titleKey, "textKey", textKey));
    }

    /** Answers 404 with the "page not found" page. */
    public void notFound(ServerRequest request, ServerResponse response) {
        render(request, response, Status.NOT_FOUND_404);
    }

    /** Renders the page for a failed request: the exception's status for HTTP errors, else 500. */
    public void handle(ServerRequest request, ServerResponse response, Throwable error) {
        Status status = error instanceof HttpException http ? http.status() : Status.INTERNAL_SERVER_ERROR_500;
        if (status.code() >= 500) {
            log.error("{} {} failed", request.prologue().method().text(), request.path().path(), error);
        } else {
            log.debug("{} {} answered {}: {}", request.prologue().method().text(), request.path().path(), status.code(), error.getMessage());
        }
        if (response.isSent()) {
            return; // part of the body is already on the wire; the connection is all that can be closed
        }
        try {
            render(request, response, status);
        } catch (RuntimeException renderingFailed) {
            // Never let a broken template hide the original failure behind a second one.
            log.error("Could not render the error page for status {}", status.code(), renderingFailed);
            response.status(status).send();
        }
    }

    private void render(ServerRequest request, ServerResponse response, Status status) {
        String kind = switch (status.code()) {
            case 403, 404, 429 -> String.valueOf(status.code());
            default -> status.code() >= 500 ? "500" : "400";
        };
        pages.render(request, response, status, "web/error.jte", Map.of(
                "status", status.code(),
                "titleKey", "error." + kind + ".title",
                "textKey", "error." + kind + ".text"));
    }
}
