package il.co.voicely.app.lessons;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import il.co.voicely.app.AppSettings;
import il.co.voicely.app.dashboard.GamificationBridge;
import il.co.voicely.app.groups.GroupsService;
import il.co.voicely.core.calendar.CalendarFeeds;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.learning.Attendance;
import il.co.voicely.core.learning.EnrolmentPolicy;
import il.co.voicely.core.learning.Enrolments;
import il.co.voicely.core.learning.Groups;
import il.co.voicely.core.learning.Scheduling;
import io.helidon.webserver.http.HttpService;
import java.time.Clock;

/**
 * Wires the learning library (scheduling, enrolments, attendance, calendar feeds) and adds the lesson
 * pages, join links and the ICS feed to the app's features.
 */
public final class LessonsModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder<HttpService> features = Multibinder.newSetBinder(binder(), HttpService.class);
        features.addBinding().to(CalendarService.class);
        features.addBinding().to(LessonService.class);
        features.addBinding().to(JoinService.class);
        features.addBinding().to(GroupsService.class);
    }

    @Provides @Singleton
    Scheduling scheduling(Database db, Clock clock) {
        return new Scheduling(db, clock);
    }

    @Provides @Singleton
    Enrolments enrolments(Database db, Clock clock) {
        return new Enrolments(db, EnrolmentPolicy.defaults(), clock);
    }

    @Provides @Singleton
    Groups groups(Database db) {
        return new Groups(db);
    }

    @Provides @Singleton
    Attendance attendance(Database db, Clock clock, GamificationBridge gamification) {
        // A marked attendance is a domain event for achievements and streaks.
        return new Attendance(db, clock, gamification::lessonAttended);
    }

    @Provides @Singleton
    CalendarFeeds calendarFeeds(Database db, Scheduling scheduling, AppSettings settings, Clock clock) {
        return new CalendarFeeds(db, scheduling, settings.baseUrl().resolve("/lessons/"), clock);
    }
}
