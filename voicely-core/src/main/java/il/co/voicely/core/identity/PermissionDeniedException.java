package il.co.voicely.core.identity;

import java.util.UUID;

/** The acting user lacks the permission an operation needs (the app answers 403). */
public final class PermissionDeniedException extends RuntimeException {

    private final String permission;

    public PermissionDeniedException(UUID userId, String permission) {
        super("User " + userId + " lacks permission '" + permission + "'");
        this.permission = permission;
    }

    public PermissionDeniedException(UUID userId, String permission, String why) {
        super("User " + userId + " may not do this (" + permission + "): " + why);
        this.permission = permission;
    }

    /** The permission that was missing, e.g. {@code users.manage}. */
    public String permission() {
        return permission;
    }
}
