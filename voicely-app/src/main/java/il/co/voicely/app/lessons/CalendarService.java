package il.co.voicely.app.lessons;

import il.co.voicely.app.AppSettings;
import il.co.voicely.app.auth.Access;
import il.co.voicely.app.web.Pages;
import il.co.voicely.core.calendar.CalendarFeeds;
import il.co.voicely.core.calendar.FeedToken;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.learning.Scheduling;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /lessons}: the signed-in user's calendar (agenda, week, month; a student's lessons, a teacher's
 * teaching schedule), the secret ICS subscription URL, and {@code /ics/<token>} that calendar apps fetch.
 */
public final class CalendarService implements HttpService {

    static final String PATH = "/lessons";
    private static final HttpMediaType CALENDAR = HttpMediaType.create(MediaTypes.create("text", "calendar"))
            .withCharset(StandardCharsets.UTF_8);

    private final Pages pages;
    private final Scheduling scheduling;
    private final CalendarFeeds feeds;
    private final AppSettings settings;
    private final Clock clock;

    @Inject
    CalendarService(Pages pages, Scheduling scheduling, CalendarFeeds feeds, AppSettings settings, Clock clock) {
        this.pages = pages;
        this.scheduling = scheduling;
        this.feeds = feeds;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, (req, res) -> show(req, res, Optional.empty()));
        rules.post(PATH + "/feed", (req, res) -> {
            AuthenticatedUser me = Access.user(req);
            // The token is shown once, on this answer; only its hash is stored.
            show(req, res, Optional.of(feeds.rotate(me.context())));
        });
        rules.get("/ics/{token}", this::ics);
    }

    private void show(ServerRequest req, ServerResponse res, Optional<FeedToken> token) {
        AuthenticatedUser me = Access.user(req);
        CalendarView.Mode mode = CalendarView.Mode.of(req.query().first("view").asOptional().orElse("agenda"));
        LocalDate today = LessonTimes.today(clock);
        LocalDate anchor = req.query().first("from").asOptional().flatMap(CalendarService::date).orElse(today);
        LocalDate start = mode.start(anchor);
        LessonTimes times = new LessonTimes(pages.lang(req));
        CalendarView view = CalendarView.of(mode, start, today,
                scheduling.calendar(me.context(), mode.from(start), mode.to(start)), times);
        Map<String, Object> params = new HashMap<>();
        params.put("cal", view);
        params.put("teaches", me.has(Role.TEACHER) || me.has(Role.ADMIN));
        params.put("feedUrl", token.map(t -> settings.baseUrl().resolve("/ics/" + t.token()).toString()).orElse(null));
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, Status.OK_200, "lessons/calendar.jte", params);
    }

    private void ics(ServerRequest req, ServerResponse res) {
        String token = req.path().pathParameters().get("token");
        Optional<String> calendar = feeds.render(token.endsWith(".ics") ? token.substring(0, token.length() - 4) : token);
        if (calendar.isEmpty()) {
            res.status(Status.NOT_FOUND_404).send();
            return;
        }
        res.headers().contentType(CALENDAR);
        res.header(HeaderNames.CACHE_CONTROL, "private, max-age=300");
        res.send(calendar.get().getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
