package il.co.voicely.app.ops;

import io.helidon.logging.common.spi.LoggingProvider;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Helidon's logging hook (found through {@code META-INF/services}): routes {@code java.util.logging},
 * which Helidon writes to, into SLF4J and logback, so the app has one log format and one place to set
 * levels. Helidon's own SLF4J module is not published for the Helidon version we use; this is its
 * one useful line.
 */
public final class Slf4jLogging implements LoggingProvider {

    /** Installs the bridge once per JVM. */
    public static synchronized void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    @Override
    public void initialization() {
        install();
    }

    @Override
    public void runTime() {
        install();
    }
}
