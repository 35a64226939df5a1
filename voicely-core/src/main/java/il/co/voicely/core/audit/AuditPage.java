package il.co.voicely.core.audit;

import java.util.List;

/**
 * One page of audit rows and how many match in all.
 */
public record AuditPage(List<AuditRecord> records, long total, int page, int pageSize) {

    public AuditPage {
        records = List.copyOf(records);
    }

    /** Whether a later page has rows. */
    public boolean hasNext() {
        return (long) page * pageSize < total;
    }
}
