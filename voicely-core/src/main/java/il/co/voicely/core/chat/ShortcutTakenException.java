package il.co.voicely.core.chat;

/** Another quick reply already uses this shortcut. */
public final class ShortcutTakenException extends RuntimeException {

    public ShortcutTakenException(String shortcut) {
        super("The quick reply shortcut '/" + shortcut + "' is already taken");
    }
}
