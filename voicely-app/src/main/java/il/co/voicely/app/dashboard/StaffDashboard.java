package il.co.voicely.app.dashboard;

import java.util.Optional;

/** A teacher's or admin's home: the next lesson they teach and how many lessons they teach this month. */
public record StaffDashboard(Optional<StudentDashboard.NextLesson> nextLesson, int lessonsThisMonth) {
}
