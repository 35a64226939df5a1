package il.co.voicely.app.achievements;

/** The best stars (0–3) a student has on one exercise, and their best score. */
public record ExerciseStars(String title, int stars, double bestScore) {
}
