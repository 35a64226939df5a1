package il.co.voicely.app.achievements;

/** A row of a leaderboard as the page shows it; {@code you} marks the viewer's own row. */
public record StandingRow(int rank, String name, long score, boolean you) {
}
