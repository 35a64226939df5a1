package il.co.voicely.app.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Chart.js UMD build's URL inside its WebJar, from the version on the class path. */
final class ChartAsset {

    /** The UMD build, not the ES module: that one imports a bare specifier a browser cannot resolve without a bundler. */
    static final String URL = resolve();

    private ChartAsset() {
    }

    private static String resolve() {
        String descriptor = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
        try (InputStream in = ChartAsset.class.getClassLoader().getResourceAsStream(descriptor)) {
            if (in == null) {
                throw new IllegalStateException("The WebJar org.webjars.npm:chart.js is not on the class path (no " + descriptor + ")");
            }
            Properties props = new Properties();
            props.load(in);
            return "/webjars/chart.js/" + props.getProperty("version") + "/dist/chart.umd.min.js";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + descriptor, e);
        }
    }
}
