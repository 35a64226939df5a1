package il.co.voicely.core.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Filters and page of an audit search; every filter is optional. Newest rows first.
 *
 * <pre>{@code
 * AuditQuery.all().action("auth.sign_in_failed").between(from, to).page(2, 50)
 * }</pre>
 *
 * @param actor    only what this user did
 * @param action   only this action, e.g. {@code auth.sign_in_failed}
 * @param from     from this instant, inclusive
 * @param to       before this instant
 * @param page     which page, from 1
 * @param pageSize rows per page, at most {@value #MAX_PAGE_SIZE}
 */
public record AuditQuery(Optional<UUID> actor, Optional<String> action, Optional<Instant> from, Optional<Instant> to,
                         int page, int pageSize) {

    /** The largest page served in one call. */
    public static final int MAX_PAGE_SIZE = 500;

    public AuditQuery {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be ≥ 1 and page size 1.." + MAX_PAGE_SIZE + ": page=" + page + ", size=" + pageSize);
        }
    }

    /** Everything, first page of 50. */
    public static AuditQuery all() {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1, 50);
    }

    public AuditQuery actor(UUID userId) {
        return new AuditQuery(Optional.of(userId), action, from, to, page, pageSize);
    }

    public AuditQuery action(String name) {
        return new AuditQuery(actor, Optional.of(name), from, to, page, pageSize);
    }

    public AuditQuery between(Instant fromInclusive, Instant toExclusive) {
        return new AuditQuery(actor, action, Optional.ofNullable(fromInclusive), Optional.ofNullable(toExclusive), page, pageSize);
    }

    public AuditQuery page(int number, int size) {
        return new AuditQuery(actor, action, from, to, number, size);
    }
}
