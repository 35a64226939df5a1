package il.co.voicely.app.livechat;

import il.co.voicely.core.chat.ChatEvent;
import il.co.voicely.core.chat.ChatEventListener;
import il.co.voicely.core.db.Database;
import java.util.function.Consumer;

/**
 * This instance's ear on the database: one {@link ChatEventListener} (one dedicated connection) for all
 * sockets. Every instance listens, so a message written through any instance reaches the sockets on all.
 */
public final class ChatHub implements AutoCloseable {

    private final ChatEventListener listener;

    ChatHub(Database db) {
        this.listener = ChatEventListener.start(db.settings());
    }

    /** Adds a socket's subscriber; it must return quickly (it runs on the listener's thread). */
    AutoCloseable subscribe(Consumer<ChatEvent> subscriber) {
        return listener.subscribe(subscriber);
    }

    @Override
    public void close() {
        listener.close();
    }
}
