package il.co.voicely.app.lessons;

import il.co.voicely.app.auth.Access;
import il.co.voicely.app.web.Pages;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.core.learning.Enrolments;
import il.co.voicely.core.learning.LessonNotJoinableException;
import il.co.voicely.core.learning.Participant;
import il.co.voicely.core.learning.UnknownJoinCodeException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /join/<code>}: the link a teacher shares. Opening it signs in first (and comes back), then asks to
 * confirm; confirming takes a place in the lesson (or on its waitlist), or makes the student a member of
 * the group the code belongs to.
 */
public final class JoinService implements HttpService {

    private final Pages pages;
    private final Enrolments enrolments;

    @Inject
    JoinService(Pages pages, Enrolments enrolments) {
        this.pages = pages;
        this.enrolments = enrolments;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/join/{code}", (req, res) -> {
            Access.user(req);
            confirm(req, res, Status.OK_200, null);
        });
        rules.post("/join/{code}", this::join);
    }

    private void join(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        try {
            Optional<Participant> place = enrolments.joinByCode(me.context(), code(req));
            String next = place.map(p -> "/lessons/" + p.lessonId() + "?joined=" + p.status().name().toLowerCase(java.util.Locale.ROOT))
                    .orElse("/lessons?joined=group");
            res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, next).send();
        } catch (UnknownJoinCodeException e) {
            confirm(req, res, Status.NOT_FOUND_404, "lessons.join.unknown");
        } catch (LessonNotJoinableException e) {
            confirm(req, res, Status.CONFLICT_409, "lessons.error.not_joinable");
        }
    }

    private void confirm(ServerRequest req, ServerResponse res, Status status, String errorKey) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("code", code(req));
        params.put("errorKey", errorKey);
        pages.render(req, res, status, "lessons/join.jte", params);
    }

    private static String code(ServerRequest req) {
        String code = req.path().pathParameters().get("code");
        // Codes are short letters and digits; anything else cannot be one, and is not echoed back whole.
        return code.length() > 64 ? code.substring(0, 64) : code;
    }
}
