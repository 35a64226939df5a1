package il.co.voicely.app.recordings;

import il.co.voicely.app.web.PageContext;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * Exercise titles in the page's language: the bundles name the starter exercises
 * ({@code recordings.exercise.<slug>}); an exercise a teacher added shows the title stored with it.
 */
public final class ExerciseNames {

    private ExerciseNames() {
    }

    /** The title to show; "Recording" when the recording belongs to no exercise. */
    public static String title(PageContext page, Optional<String> slug, Optional<String> stored) {
        if (slug.isEmpty()) {
            return page.t("recordings.untitled");
        }
        try {
            return page.t("recordings.exercise." + slug.get());
        } catch (MissingResourceException e) {
            return stored.orElse(slug.get());
        }
    }
}
