package il.co.voicely.app.lessons;

import il.co.voicely.app.auth.Forms;
import il.co.voicely.app.web.FormView;
import il.co.voicely.core.learning.InvalidLessonException;
import il.co.voicely.core.learning.LessonKind;
import il.co.voicely.core.learning.LessonPlan;
import il.co.voicely.core.learning.Recurrence;
import io.helidon.common.parameters.Parameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The "new lesson" form: what was typed (kept for the answer when something is wrong) and the
 * {@link LessonPlan} it asks for, or the fields in error.
 */
final class LessonForm {

    static final String[] FIELDS = {"title", "kind", "date", "time", "duration", "repeat", "end", "until", "count", "place",
            "meetingUrl", "capacity", "group"};

    private final FormView view = FormView.empty();
    private final Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    private LessonPlan plan;

    private LessonForm() {
    }

    static LessonForm blank(LocalDate tomorrow) {
        LessonForm form = new LessonForm();
        form.view.with("kind", "private").with("duration", "45").with("repeat", "once").with("end", "count")
                .with("count", "10").with("date", tomorrow.toString()).with("time", "17:00");
        return form;
    }

    static LessonForm read(Parameters form, UUID teacher) {
        LessonForm f = new LessonForm();
        for (String field : FIELDS) {
            f.view.with(field, Forms.text(form, field));
        }
        for (String day : form.all("days", java.util.List::of)) {
            parseDay(day).ifPresent(f.days::add);
        }
        f.parse(teacher);
        return f;
    }

    FormView view() {
        return view;
    }

    Set<DayOfWeek> days() {
        return days;
    }

    /** The plan, when every field made sense. */
    Optional<LessonPlan> plan() {
        return Optional.ofNullable(plan);
    }

    private void parse(UUID teacher) {
        String title = view.value("title");
        if (title.isEmpty() || title.length() > 200) {
            view.error("title", "lessons.input.title");
        }
        Optional<LocalDate> date = parse(view.value("date"), LocalDate::parse);
        Optional<LocalTime> time = parse(view.value("time"), LocalTime::parse);
        if (date.isEmpty()) {
            view.error("date", "lessons.input.date");
        }
        if (time.isEmpty()) {
            view.error("time", "lessons.input.time");
        }
        int duration = number(view.value("duration")).filter(d -> d == 20 || d == 45 || d == 60).orElse(0);
        if (duration == 0) {
            view.error("duration", "lessons.input.duration");
        }
        boolean group = view.value("kind").equals("group");
        Optional<Integer> capacity = group ? number(view.value("capacity")).filter(c -> c >= 1 && c <= 500) : Optional.of(1);
        if (group && !view.value("capacity").isEmpty() && capacity.isEmpty()) {
            view.error("capacity", "lessons.input.capacity");
        }
        Optional<String> meetingUrl = optional(view.value("meetingUrl"));
        if (meetingUrl.filter(u -> !u.matches("(?i)https?://\\S+")).isPresent()) {
            view.error("meetingUrl", "lessons.input.meeting_url");
        }
        Optional<Recurrence> recurrence = recurrence(date);
        if (view.hasErrors()) {
            return;
        }
        try {
            plan = new LessonPlan(teacher, parse(view.value("group"), UUID::fromString), title,
                    group ? LessonKind.GROUP : LessonKind.PRIVATE, LocalDateTime.of(date.get(), time.get()), LessonTimes.ZONE,
                    duration, capacity, false, optional(view.value("place")), meetingUrl, recurrence);
        } catch (InvalidLessonException e) {
            view.formError("lessons.input.invalid");
        }
    }

    private Optional<Recurrence> recurrence(Optional<LocalDate> date) {
        if (!view.value("repeat").equals("weekly")) {
            return Optional.empty();
        }
        if (days.isEmpty()) {
            date.ifPresent(d -> days.add(d.getDayOfWeek()));
        }
        DayOfWeek[] on = days.toArray(DayOfWeek[]::new);
        if (view.value("end").equals("until")) {
            Optional<LocalDate> until = parse(view.value("until"), LocalDate::parse)
                    .filter(u -> date.isEmpty() || !u.isBefore(date.get()));
            if (until.isEmpty()) {
                view.error("until", "lessons.input.until");
                return Optional.empty();
            }
            return Optional.of(Recurrence.weeklyUntil(until.get(), on));
        }
        Optional<Integer> count = number(view.value("count")).filter(c -> c >= 1 && c <= 104);
        if (count.isEmpty()) {
            view.error("count", "lessons.input.count");
            return Optional.empty();
        }
        return Optional.of(Recurrence.weeklyTimes(count.get(), on));
    }

    private static Optional<DayOfWeek> parseDay(String text) {
        try {
            return Optional.of(DayOfWeek.valueOf(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> number(String text) {
        return parse(text, Integer::valueOf);
    }

    private static Optional<String> optional(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static <T> Optional<T> parse(String text, java.util.function.Function<String, T> parser) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(text));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
