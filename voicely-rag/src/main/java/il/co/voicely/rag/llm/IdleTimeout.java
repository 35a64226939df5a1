package il.co.voicely.rag.llm;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a response body that has been silent for too long. The JDK client's request timeout ends
 * once the response head has arrived; a provider that then stalls mid-answer would otherwise hold
 * the reading thread (and the visitor's chat) forever. Closing the body makes the blocked read fail.
 */
final class IdleTimeout implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = timer();

    private final Closeable body;
    private final Duration limit;
    private ScheduledFuture<?> pending;
    private volatile boolean expired;

    private IdleTimeout(Closeable body, Duration limit) {
        this.body = body;
        this.limit = limit;
    }

    /** Starts watching {@code body}: it is closed if {@link #touch()} is not called within {@code limit}. */
    static IdleTimeout watch(Closeable body, Duration limit) {
        IdleTimeout timeout = new IdleTimeout(body, limit);
        timeout.touch();
        return timeout;
    }

    /** Data arrived: the silence starts again. */
    synchronized void touch() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = TIMER.schedule(this::expire, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the body was closed for silence (so a read failure is a timeout, not a broken connection). */
    boolean expired() {
        return expired;
    }

    private void expire() {
        expired = true;
        try {
            body.close();
        } catch (IOException ignored) {
            // the reader will fail either way
        }
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "voicely-llm-idle-timeout");
            thread.setDaemon(true);
            return thread;
        });
        // Every streamed event re-arms the timer; drop cancelled timers at once rather than keep
        // thousands of them queued until their (long) delays run out.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    @Override
    public synchronized void close() {
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
