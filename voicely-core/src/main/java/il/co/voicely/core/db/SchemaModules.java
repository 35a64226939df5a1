package il.co.voicely.core.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;

/**
 * The modules on the class path that own tables. Each ships {@value #DESCRIPTOR} naming its
 * migration folder ({@code db/migration/<module>}) and its order, so an application that embeds only
 * {@code voicely-rag} gets core and RAG tables and nothing else.
 */
final class SchemaModules {

    static final String DESCRIPTOR = "META-INF/voicely/schema.properties";

    private SchemaModules() {
    }

    record SchemaModule(String name, int order) {

        String location() {
            return "classpath:db/migration/" + name;
        }

        String historyTable() {
            return "flyway_history_" + name;
        }
    }

    static List<SchemaModule> onClassPath(ClassLoader loader) {
        List<SchemaModule> modules = new ArrayList<>();
        try {
            Enumeration<URL> descriptors = loader.getResources(DESCRIPTOR);
            while (descriptors.hasMoreElements()) {
                URL url = descriptors.nextElement();
                Properties props = new Properties();
                try (InputStream in = url.openStream()) {
                    props.load(in);
                }
                String name = props.getProperty("module", "");
                if (!name.matches("[a-z][a-z0-9_]*")) {
                    throw new IllegalStateException("bad module name '" + name + "' in " + url);
                }
                modules.add(new SchemaModule(name, Integer.parseInt(props.getProperty("order", "100").trim())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + DESCRIPTOR + " from the class path", e);
        }
        modules.sort(Comparator.comparingInt(SchemaModule::order).thenComparing(SchemaModule::name));
        return List.copyOf(modules);
    }
}
