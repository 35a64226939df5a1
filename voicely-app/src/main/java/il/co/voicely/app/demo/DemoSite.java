package il.co.voicely.app.demo;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.rag.chunk.Chunker;
import il.co.voicely.rag.embed.Embedder;
import il.co.voicely.rag.embed.LocalEmbeddingModel;
import il.co.voicely.rag.store.Document;
import il.co.voicely.rag.store.DocumentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A few short, fictional pages of the school's website (courses, prices, teachers, juniors, trial lesson;
 * Hebrew and English) indexed into the public {@code website} collection, so the chat assistant of a fresh
 * embedded install has something to answer from. Each page is {@code demo/site/<name>.md}: a {@code title:}
 * line, a {@code url:} line, a blank line, then the text.
 *
 * <pre>{@code
 * DemoSite.index(database);   // ten tiny pages, embedded in process by the bundled model
 * }</pre>
 */
public final class DemoSite {

    /** The {@code source} of the demo pages in the {@code website} collection. */
    public static final String SOURCE = "voicely.example";

    /** The page names, {@code demo/site/<name>.md}; also each page's external id. */
    public static final List<String> PAGES = List.of("he-prices", "he-trial", "he-courses", "he-teachers", "he-juniors",
            "en-prices", "en-trial", "en-courses", "en-teachers", "en-juniors");

    private DemoSite() {
    }

    /** Indexes the demo pages; unchanged pages are not embedded again. */
    public static void index(Database database) {
        DocumentStore store = new DocumentStore(database, new Embedder(LocalEmbeddingModel.bundled(), 32));
        Chunker chunker = Chunker.defaults();
        for (String name : PAGES) {
            Page page = page(name);
            Document doc = Document.builder("website", SOURCE, name).uri(page.url()).title(page.title())
                    .language(name.substring(0, 2)).mimeType("text/markdown").build();
            store.index(SessionContext.system(), doc, chunker.chunk(page.text(), Map.of()));
        }
    }


    private record Page(String title, String url, String text) {
    }

    private static Page page(String name) {
        String resource = "/demo/site/" + name + ".md";
        try (InputStream in = DemoSite.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing class-path resource " + resource);
            }
            String[] parts = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n\n", 2);
            String title = header(parts[0], "title:", resource);
            String url = header(parts[0], "url:", resource);
            return new Page(title, url, parts.length > 1 ? parts[1].strip() : "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    private static String header(String head, String key, String resource) {
        return head.lines().filter(line -> line.startsWith(key)).map(line -> line.substring(key.length()).strip())
                .findFirst().orElseThrow(() -> new IllegalStateException(resource + " has no '" + key + "' line"));
    }
}
