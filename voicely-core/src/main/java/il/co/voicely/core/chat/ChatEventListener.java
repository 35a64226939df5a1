package il.co.voicely.core.chat;

import il.co.voicely.core.db.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears every {@link ChatEvent} published by any app instance on the same database, and hands each to
 * the subscribers of this instance (the WebSocket sessions), in commit order, once.
 *
 * <pre>{@code
 * try (ChatEventListener events = ChatEventListener.start(db.settings())) {
 *     AutoCloseable sub = events.subscribe(e -> sockets.notify(e));   // must not block: queue and return
 * }
 * }</pre>
 *
 * <p>{@code LISTEN} belongs to one connection for its whole life, so this class keeps a dedicated pgjdbc
 * connection outside the pool and polls it with {@code PGConnection.getNotifications(timeout)} on a
 * virtual thread. When the connection breaks it reconnects with back-off and, since notifications sent
 * meanwhile are lost, delivers a {@link ChatEvent.Kind#RESYNC} event: clients then resume from their last
 * message id, so nothing is missed.
 */
public final class ChatEventListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatEventListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String jdbcUrl;
    private final Properties credentials;
    private final CopyOnWriteArrayList<Consumer<ChatEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private final Thread loop;
    private volatile boolean running = true;
    private volatile Connection connection;

    private ChatEventListener(String jdbcUrl, String user, String password) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.credentials = new Properties();
        credentials.setProperty("user", Objects.requireNonNull(user, "user"));
        credentials.setProperty("password", Objects.requireNonNull(password, "password"));
        credentials.setProperty("ApplicationName", "voicely-chat-listener");
        credentials.setProperty("tcpKeepAlive", "true");
        this.loop = Thread.ofVirtual().name("voicely-chat-listener").unstarted(this::run);
    }

    /** Listens with the application role of {@code settings} (e.g. {@code db.settings()}). */
    public static ChatEventListener start(DatabaseSettings settings) {
        return start(settings.jdbcUrl(), settings.appUser(), settings.appPassword());
    }

    /**
     * Connects, issues {@code LISTEN}, and returns once listening, so that every event committed after
     * this call returns is delivered.
     *
     * @throws IllegalStateException when the first connection does not succeed within 10 seconds
     */
    public static ChatEventListener start(String jdbcUrl, String user, String password) {
        ChatEventListener listener = new ChatEventListener(jdbcUrl, user, password);
        listener.loop.start();
        try {
            if (!listener.firstListen.await(10, TimeUnit.SECONDS)) {
                listener.close();
                throw new IllegalStateException("could not LISTEN on " + jdbcUrl + " within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.close();
            throw new IllegalStateException("interrupted while connecting the chat listener", e);
        }
        return listener;
    }

    /**
     * Adds a subscriber; close the returned handle to remove it. Subscribers run on the listener's thread
     * one after another, so each must return quickly (hand the event to its socket's queue).
     */
    public AutoCloseable subscribe(Consumer<ChatEvent> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        boolean reconnect = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, credentials)) {
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + ChatEvents.CHANNEL);
                }
                firstListen.countDown();
                backoff = Duration.ofMillis(100);
                if (reconnect) {
                    log.info("Chat listener reconnected; asking clients to resync");
                    dispatch(ChatEvent.resync());
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            dispatch(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                log.warn("Chat listener lost its connection ({}); retrying in {} ms", e.getMessage(), backoff.toMillis());
                reconnect = true;
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    private void dispatch(String payload) {
        ChatEvent event;
        try {
            event = ChatEvents.fromJson(payload);
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring a malformed chat notification: {}", e.getMessage());
            return;
        }
        dispatch(event);
    }

    private void dispatch(ChatEvent event) {
        for (Consumer<ChatEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                // One broken socket must not starve the others.
                log.warn("A chat event subscriber failed on {}", event, e);
            }
        }
    }

    /** Stops listening and closes the dedicated connection. */
    @Override
    public void close() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        loop.interrupt();
        try {
            loop.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
