package il.co.voicely.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The URLs of the stylesheet and the front-end libraries the layout loads.
 *
 * @param stylesheet the app's one stylesheet
 * @param htmx       htmx from its WebJar
 */
public record Assets(String stylesheet, String htmx) {

    /** Resolves the WebJar paths from the versions on the class path, so a dependency bump needs no template edit. */
    public static Assets fromClassPath() {
        return new Assets("/static/css/app.css", webJar("htmx.org", "dist/htmx.min.js"));
    }

    /**
     * The URL of {@code file} inside an npm WebJar, e.g. {@code /webjars/htmx.org/2.0.10/dist/htmx.min.js}.
     *
     * @throws IllegalStateException when the WebJar is not on the class path
     */
    public static String webJar(String artifact, String file) {
        String descriptor = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(descriptor)) {
            if (in == null) {
                throw new IllegalStateException("The WebJar org.webjars.npm:" + artifact + " is not on the class path (no " + descriptor + ")");
            }
            Properties props = new Properties();
            props.load(in);
            return "/webjars/" + artifact + "/" + props.getProperty("version") + "/" + file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + descriptor, e);
        }
    }
}
