package il.co.voicely.app.lessons;

import il.co.voicely.core.learning.Lesson;
import il.co.voicely.core.learning.LessonStatus;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What the lesson page shows, ready to print: times in the viewer's zone and language, the teacher's
 * name, the viewer's own place, and for the teacher the participants and the join link.
 *
 * @param myStatus   enrolled, waitlisted, or empty when the viewer holds no place
 * @param joinUrl    the join link, for the lesson's teacher; null for others
 * @param errorKey   a message to show above the actions (a refused join or leave), or null
 * @param errorArg   the message's argument (e.g. the cut-off time), or empty
 */
public record LessonPage(Lesson lesson, String day, String time, String endTime, String teacherName, boolean teaches,
                         String myStatus, int myPosition, List<Row> participants, long enrolled, String joinUrl,
                         String errorKey, String errorArg) {

    /** One participant, as the teacher sees them. */
    public record Row(UUID lessonId, UUID userId, String name, String status, int position, String attendance) {
    }

    public boolean cancelled() {
        return lesson.status() == LessonStatus.CANCELLED;
    }

    public long minutes() {
        return lesson.duration().toMinutes();
    }

    public String capacity() {
        return lesson.capacity().map(c -> enrolled + " / " + c).orElse(String.valueOf(enrolled));
    }

    public String kind() {
        return lesson.kind().name().toLowerCase(Locale.ROOT);
    }

    LessonPage withError(String key, String arg) {
        return new LessonPage(lesson, day, time, endTime, teacherName, teaches, myStatus, myPosition, participants, enrolled,
                joinUrl, key, arg);
    }
}
