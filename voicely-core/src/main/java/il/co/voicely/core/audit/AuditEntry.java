package il.co.voicely.core.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One thing worth remembering: who did what to whom, from where. Built fluently:
 *
 * <pre>{@code
 * AuditEntry.of("user.role_changed").actor(adminId).target("user", userId.toString())
 *         .client(ip, userAgent).detail("to", "teacher");
 * }</pre>
 *
 * @param action     dotted lower-case name, e.g. {@code auth.sign_in_failed}
 * @param actor      the person acting; empty for visitors and system jobs
 * @param targetType what kind of thing was acted on ({@code user}, {@code account}, …)
 * @param targetId   which one
 * @param ip         the client's address as text; an unparsable one is stored as empty
 * @param userAgent  the client's {@code User-Agent}
 * @param details    small structured facts, stored as JSON
 */
public record AuditEntry(String action, Optional<UUID> actor, Optional<String> targetType, Optional<String> targetId,
                         Optional<String> ip, Optional<String> userAgent, Map<String, Object> details) {

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_.]*");

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("audit action must be dotted lower case, e.g. auth.sign_in: '" + action + "'");
        }
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(userAgent, "userAgent");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
    }

    /** An entry with only its action set. */
    public static AuditEntry of(String action) {
        return new AuditEntry(action, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    /** The same entry, done by {@code userId} (null for nobody). */
    public AuditEntry actor(UUID userId) {
        return new AuditEntry(action, Optional.ofNullable(userId), targetType, targetId, ip, userAgent, details);
    }

    /** The same entry, about {@code id} of kind {@code type}. */
    public AuditEntry target(String type, String id) {
        return new AuditEntry(action, actor, Optional.ofNullable(type), Optional.ofNullable(id), ip, userAgent, details);
    }

    /** The same entry, from this client (either may be null). */
    public AuditEntry client(String clientIp, String clientUserAgent) {
        return new AuditEntry(action, actor, targetType, targetId, Optional.ofNullable(clientIp),
                Optional.ofNullable(clientUserAgent), details);
    }

    /** The same entry with one more detail. */
    public AuditEntry detail(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(Objects.requireNonNull(key, "key"), value);
        return new AuditEntry(action, actor, targetType, targetId, ip, userAgent, more);
    }
}
