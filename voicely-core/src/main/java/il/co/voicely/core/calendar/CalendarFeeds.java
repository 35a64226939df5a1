package il.co.voicely.core.calendar;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.learning.Lesson;
import il.co.voicely.core.learning.LessonStatus;
import il.co.voicely.core.learning.Scheduling;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * iCalendar subscription feeds, so lessons show up in Google, Apple and Outlook calendars.
 *
 * <pre>{@code
 * CalendarFeeds feeds = new CalendarFeeds(db, scheduling, URI.create("https://school.example/lessons/"), clock);
 * FeedToken token = feeds.rotate(me.context());          // show /ics/<token> once; the old URL stops working
 * Optional<String> ics = feeds.render(tokenFromUrl);      // GET /ics/<token>: text/calendar, or 404 when empty
 * }</pre>
 *
 * <p>Calendar clients fetch without a session, so the token is the credential: 256 random bits, only its
 * SHA-256 stored. Resolving it runs as {@code system}; the lessons are then read in the owner's own
 * row-level security context, as a student (a teacher's lessons are theirs by {@code teacher_id}).
 * The feed holds the lessons they teach or are enrolled in from 60 days back to a year ahead, cancelled
 * ones marked {@code STATUS:CANCELLED} so subscribed calendars drop them.
 */
public final class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration PAST = Duration.ofDays(60);
    private static final Duration AHEAD = Duration.ofDays(366);

    private final Database db;
    private final Scheduling scheduling;
    private final URI lessonPages;
    private final Clock clock;

    /**
     * @param lessonPages the base of the lesson pages; a lesson's URL is this resolved against its id
     */
    public CalendarFeeds(Database db, Scheduling scheduling, URI lessonPages, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
        this.lessonPages = Objects.requireNonNull(lessonPages, "lessonPages");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates the user's feed token, revoking the previous one, whose URL stops working. */
    public FeedToken rotate(SessionContext user) {
        UUID me = user.userId().orElseThrow(() -> new IllegalArgumentException("a calendar feed belongs to a signed-in user"));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        db.useContext(user, h -> {
            h.createUpdate("update ics_feed_tokens set revoked_at = :now where user_id = :me and revoked_at is null")
                    .bind("now", now).bind("me", me).execute();
            h.createUpdate("insert into ics_feed_tokens (user_id, token_hash, created_at) values (:me, :hash, :now)")
                    .bind("me", me).bind("hash", hash(token)).bind("now", now).execute();
        });
        return new FeedToken(me, token, now);
    }

    /** Revokes the user's feed: its URL stops working until they create a new one. */
    public void revoke(SessionContext user) {
        UUID me = user.userId().orElseThrow(() -> new IllegalArgumentException("a calendar feed belongs to a signed-in user"));
        db.useContext(user, h -> h.createUpdate("update ics_feed_tokens set revoked_at = :now where user_id = :me and revoked_at is null")
                .bind("now", clock.instant()).bind("me", me).execute());
    }

    /** The VCALENDAR text for a feed URL's token, or empty when the token is unknown or revoked. */
    public Optional<String> render(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Optional<UUID> owner = db.inContext(SessionContext.system(), h -> h.createQuery("""
                        update ics_feed_tokens set last_used_at = :now
                         where token_hash = :hash and revoked_at is null
                        returning user_id""")
                .bind("now", clock.instant()).bind("hash", hash(token.strip())).mapTo(UUID.class).findOne());
        return owner.map(this::renderFor);
    }

    /** The VCALENDAR text of {@code userId}'s lessons. */
    String renderFor(UUID userId) {
        Instant now = clock.instant();
        List<Lesson> lessons = scheduling.calendar(SessionContext.user(userId, Role.STUDENT), now.minus(PAST), now.plus(AHEAD));
        Calendar calendar = new Calendar()
                .add(new ProdId("-//Voicely//Lessons 1.0//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(ImmutableMethod.PUBLISH)
                .add(new XProperty("X-WR-CALNAME", "Voicely"));
        Instant stamp = now.truncatedTo(ChronoUnit.SECONDS);
        for (Lesson lesson : lessons) {
            calendar.add(event(lesson, stamp));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("the calendar feed of user " + userId + " is not valid iCalendar: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private VEvent event(Lesson lesson, Instant stamp) {
        // Instants are written in UTC ("…Z"), which every client reads without a VTIMEZONE.
        VEvent event = new VEvent(lesson.startsAt().truncatedTo(ChronoUnit.SECONDS), lesson.duration(), lesson.title());
        event.add(new Uid(lesson.id() + "@voicely"));
        event.add(new DtStamp(stamp));
        event.add(new Url(lessonPages.resolve(lesson.id().toString())));
        lesson.location().or(lesson::meetingUrl).ifPresent(where -> event.add(new Location(where)));
        lesson.meetingUrl().ifPresent(link -> event.add(new Description("Online: " + link)));
        event.add(new Status(lesson.status() == LessonStatus.CANCELLED ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        return event;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
