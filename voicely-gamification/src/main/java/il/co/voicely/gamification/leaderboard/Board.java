package il.co.voicely.gamification.leaderboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A computed leaderboard: the school's or a group's, for one period, ranked by stars earned in it.
 *
 * @param start the period's first local day (empty for all-time)
 * @param end   its last local day, inclusive (empty for all-time)
 */
public record Board(UUID id, Period period, Optional<UUID> groupId, Optional<LocalDate> start, Optional<LocalDate> end,
                    Instant computedAt, List<Standing> standings) {

    public Board {
        standings = List.copyOf(standings);
    }
}
