package il.co.voicely.app.lessons;

import il.co.voicely.app.AppSettings;
import il.co.voicely.app.web.Lang;
import il.co.voicely.core.identity.AuthenticatedUser;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.learning.Enrolments;
import il.co.voicely.core.learning.Lesson;
import il.co.voicely.core.learning.LessonStatus;
import il.co.voicely.core.learning.Participant;
import il.co.voicely.core.learning.ParticipantStatus;
import il.co.voicely.core.learning.Scheduling;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads what a lesson page shows, in the viewer's row-level security context. */
final class LessonPages {

    private final Scheduling scheduling;
    private final Enrolments enrolments;
    private final People people;
    private final AppSettings settings;

    @Inject
    LessonPages(Scheduling scheduling, Enrolments enrolments, People people, AppSettings settings) {
        this.scheduling = scheduling;
        this.enrolments = enrolments;
        this.people = people;
        this.settings = settings;
    }

    /** The page of lesson {@code id}, or empty when the viewer may not see it. */
    Optional<LessonPage> page(AuthenticatedUser me, UUID id, Lang lang) {
        return scheduling.lesson(me.context(), id).map(lesson -> page(me, lesson, lang));
    }

    private LessonPage page(AuthenticatedUser me, Lesson lesson, Lang lang) {
        boolean teaches = me.has(Role.ADMIN) || lesson.teacherId().filter(me.userId()::equals).isPresent();
        List<Participant> participants = enrolments.participants(me.context(), lesson.id());
        Optional<Participant> mine = participants.stream().filter(p -> p.userId().equals(me.userId())).findFirst();
        List<UUID> ids = new ArrayList<>(participants.stream().map(Participant::userId).toList());
        lesson.teacherId().ifPresent(ids::add);
        Map<UUID, String> names = people.names(me, ids);
        List<LessonPage.Row> rows = teaches
                ? participants.stream().filter(p -> p.status() != ParticipantStatus.CANCELLED)
                        .map(p -> row(p, names.getOrDefault(p.userId(), ""))).toList()
                : List.of();
        long enrolled = participants.stream().filter(p -> p.status() == ParticipantStatus.ENROLLED).count();
        String joinUrl = teaches && lesson.status() == LessonStatus.SCHEDULED
                ? settings.baseUrl().resolve("/join/" + enrolments.joinCode(me.context(), lesson.id(), false)).toString()
                : null;
        LessonTimes times = new LessonTimes(lang);
        return new LessonPage(lesson, times.day(times.date(lesson.startsAt())), times.time(lesson.startsAt()),
                times.time(lesson.endsAt()), lesson.teacherId().map(t -> names.getOrDefault(t, "")).orElse(""), teaches,
                mine.filter(p -> p.status() != ParticipantStatus.CANCELLED).map(p -> lower(p.status())).orElse(""),
                mine.flatMap(Participant::waitlistPosition).orElse(0), rows, enrolled, joinUrl, null, "");
    }

    static LessonPage.Row row(Participant p, String name) {
        return new LessonPage.Row(p.lessonId(), p.userId(), name, lower(p.status()), p.waitlistPosition().orElse(0),
                p.attendance().map(LessonPages::lower).orElse(""));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
