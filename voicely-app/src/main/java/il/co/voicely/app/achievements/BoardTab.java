package il.co.voicely.app.achievements;

import java.util.Optional;
import java.util.UUID;

/**
 * One tab of the leaderboard page: a period of the school's board, or a group's board.
 *
 * @param key   the query value that selects it ({@code weekly}, {@code monthly}, {@code all_time} or a group id)
 * @param label a message key (periods) or the group's name
 */
public record BoardTab(String key, String label, boolean messageKey, Optional<UUID> groupId, boolean current) {

    /** The link to this tab. */
    public String href() {
        return "/leaderboard?board=" + key;
    }
}
