package il.co.voicely.rag.ingest;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The crawl queue of one site in {@code rag_crawl_frontier}; it survives restarts, so a crawl resumes. */
final class Frontier {

    record Entry(long id, String url, int depth, Optional<String> etag, Optional<OffsetDateTime> lastModified,
                 Optional<String> contentHash) {
    }

    private final Database db;
    private final String source;
    private final SessionContext context = SessionContext.system();

    Frontier(Database db, String source) {
        this.db = db;
        this.source = source;
    }

    /** Starts a new round: every known page is queued again (its validators kept for conditional requests). */
    void requeueAll() {
        db.useContext(context, h -> h.createUpdate("""
                update rag_crawl_frontier set status = 'queued'
                where source = :source and status in ('done', 'failed', 'skipped', 'fetching')""")
                .bind("source", source).execute());
    }

    /** Pages a stopped crawl was fetching go back in the queue. */
    void resumeFetching() {
        db.useContext(context, h -> h.createUpdate(
                        "update rag_crawl_frontier set status = 'queued' where source = :source and status = 'fetching'")
                .bind("source", source).execute());
    }

    /** Queues a URL unless it is known; a shallower depth wins. */
    void offer(String url, int depth) {
        db.useContext(context, h -> h.createUpdate("""
                insert into rag_crawl_frontier (source, url, depth) values (:source, :url, :depth)
                on conflict (source, url) do update set depth = least(rag_crawl_frontier.depth, excluded.depth)""")
                .bind("source", source).bind("url", url).bind("depth", depth).execute());
    }

    Optional<Entry> next() {
        return db.inContext(context, h -> h.createQuery("""
                        update rag_crawl_frontier set status = 'fetching'
                        where id = (select id from rag_crawl_frontier where source = :source and status = 'queued'
                                    order by depth, id limit 1 for update skip locked)
                        returning id, url, depth, etag, last_modified, content_hash""")
                .bind("source", source)
                .map((rs, ctx) -> new Entry(rs.getLong("id"), rs.getString("url"), rs.getInt("depth"),
                        Optional.ofNullable(rs.getString("etag")),
                        Optional.ofNullable(rs.getObject("last_modified", OffsetDateTime.class)),
                        Optional.ofNullable(rs.getString("content_hash"))))
                .findOne());
    }

    boolean hasQueued() {
        return db.inContext(context, h -> h.createQuery(
                        "select exists (select 1 from rag_crawl_frontier where source = :source and status = 'queued')")
                .bind("source", source).mapTo(boolean.class).one());
    }

    /** True when another page of this site already has this text. */
    boolean isDuplicate(long id, String contentHash) {
        return db.inContext(context, h -> h.createQuery("""
                        select exists (select 1 from rag_crawl_frontier
                                       where source = :source and content_hash = :hash and id < :id)""")
                .bind("source", source).bind("hash", contentHash).bind("id", id).mapTo(boolean.class).one());
    }

    void finish(long id, String status, int httpStatus, Optional<String> etag, Optional<OffsetDateTime> lastModified,
                Optional<String> contentHash, Optional<String> error) {
        db.useContext(context, h -> h.createUpdate("""
                        update rag_crawl_frontier set status = :status, http_status = :http,
                            etag = coalesce(:etag, etag), last_modified = coalesce(cast(:lastModified as timestamptz), last_modified),
                            content_hash = coalesce(:hash, content_hash), error = :error, fetched_at = now()
                        where id = :id""")
                .bind("status", status).bind("http", httpStatus).bind("etag", etag.orElse(null))
                .bind("lastModified", lastModified.map(OffsetDateTime::toString).orElse(null))
                .bind("hash", contentHash.orElse(null)).bind("error", error.orElse(null)).bind("id", id).execute());
    }
}
