package il.co.voicely.core.learning;

import java.util.UUID;

/** No such group, or none the acting user may see. */
public final class GroupNotFoundException extends RuntimeException {

    public GroupNotFoundException(UUID groupId) {
        super("No group " + groupId + " visible to the acting user");
    }
}
