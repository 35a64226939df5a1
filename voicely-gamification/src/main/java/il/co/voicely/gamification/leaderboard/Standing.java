package il.co.voicely.gamification.leaderboard;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of a board. Equal scores share a rank and the next rank skips ({@code 1, 1, 3}: SQL {@code rank()}).
 *
 * @param displayName the name when the board was computed; empty when the student has none
 */
public record Standing(int rank, UUID userId, Optional<String> displayName, BigDecimal score) {
}
