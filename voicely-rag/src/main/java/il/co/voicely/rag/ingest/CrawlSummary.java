package il.co.voicely.rag.ingest;

/**
 * What one crawl did.
 *
 * @param fetched     pages requested (robots.txt and sitemaps not counted)
 * @param indexed     pages whose text was (re)indexed
 * @param notModified pages the server answered 304 Not Modified for, or whose text had not changed
 * @param duplicates  pages skipped as copies of another (same text, or a canonical URL elsewhere)
 * @param redirects   redirects followed (the target is queued as its own page)
 * @param failed      pages that failed (4xx, 5xx, network), removed from the index if they were in it
 * @param disallowed  URLs robots.txt forbids
 * @param stoppedEarly true when a page or time limit ended the crawl with URLs still queued
 */
public record CrawlSummary(int fetched, int indexed, int notModified, int duplicates, int redirects, int failed,
                           int disallowed, boolean stoppedEarly) {
}
