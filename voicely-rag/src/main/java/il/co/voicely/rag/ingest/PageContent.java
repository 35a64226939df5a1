package il.co.voicely.rag.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a crawled HTML page says, without its chrome: navigation, header, footer, asides, forms, scripts and
 * cookie or consent banners are dropped, and the text comes from {@code <main>}, {@code <article>} or
 * {@code [role=main]} when the page has one.
 */
record PageContent(String title, String text, Optional<String> language, Optional<URI> canonical, List<URI> links) {

    private static final String CHROME = "nav, header, footer, aside, form, script, style, noscript, template, iframe, svg, "
            + "[role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], "
            + "[id~=(?i)cookie|consent|gdpr|banner|popup|newsletter], [class~=(?i)cookie|consent|gdpr|banner|popup|newsletter|menu|breadcrumb]";
    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, blockquote, pre, td, th, figcaption";

    static PageContent parse(String html, URI base) {
        Document doc = Jsoup.parse(html, base.toString());
        String title = doc.title().strip();
        Optional<String> lang = Optional.of(doc.select("html").attr("lang").strip()).filter(s -> !s.isEmpty());
        Optional<URI> canonical = Optional.of(doc.select("link[rel=canonical]").attr("abs:href")).filter(s -> !s.isEmpty())
                .flatMap(PageContent::uri);
        Set<URI> links = new LinkedHashSet<>();
        for (Element a : doc.select("a[href]")) {
            if (!a.attr("rel").contains("nofollow")) {
                uri(a.attr("abs:href")).ifPresent(links::add);
            }
        }
        doc.select(CHROME).remove();
        Element main = Optional.ofNullable(doc.selectFirst("main, article, [role=main]")).orElse(doc.body());
        String text = main == null ? "" : blockText(main);
        if (title.isEmpty()) {
            title = Optional.ofNullable(doc.selectFirst("h1")).map(Element::text).orElse(base.getPath());
        }
        return new PageContent(title, text, lang, canonical, List.copyOf(links));
    }

    /** One line per block element, so headings and list items do not run into the next sentence. */
    private static String blockText(Element root) {
        List<String> lines = new ArrayList<>();
        for (Element block : root.select(BLOCKS)) {
            if (block.select(BLOCKS).size() > 1) {
                continue; // a container of blocks: its children speak for it
            }
            String t = block.text().strip();
            if (!t.isEmpty() && (lines.isEmpty() || !lines.getLast().equals(t))) {
                lines.add(t);
            }
        }
        return lines.isEmpty() ? root.text().strip() : String.join("\n", lines);
    }

    private static Optional<URI> uri(String s) {
        try {
            return s.isBlank() ? Optional.empty() : Optional.of(new URI(s.strip()));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
