package il.co.voicely.app.users;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The admin's list of people: search by e-mail or name, newest first, a page at a time. */
public final class UserDirectory {

    /** One person as the list shows them. */
    public record Person(UUID id, String email, Optional<String> name, List<String> roles, String status, Instant createdAt,
                  Optional<Instant> lastLoginAt) {

        /** The one role the role picker starts on: the highest held. */
        public String mainRole() {
            return roles.contains("admin") ? "admin" : roles.contains("teacher") ? "teacher" : "student";
        }
    }

    // '!' escapes LIKE wildcards: a backslash would confuse Jdbi's parameter parser.
    private static final String SEARCH = """
            select u.id, u.email, p.display_name, u.status, u.created_at, u.last_login_at,
                   coalesce((select string_agg(r.role, ',' order by r.role) from user_roles r where r.user_id = u.id), '') as roles
              from users u left join profiles p on p.user_id = u.id
             where :pattern = '' or u.email ilike :pattern escape '!' or p.display_name ilike :pattern escape '!'
             order by u.created_at desc, u.id
             limit :limit offset :offset
            """;

    private final Database db;

    @Inject
    UserDirectory(Database db) {
        this.db = db;
    }

    List<Person> search(SessionContext admin, String query, int limit, int offset) {
        String pattern = query.isBlank() ? "" : "%" + query.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return db.inContext(admin, h -> h.createQuery(SEARCH)
                .bind("pattern", pattern).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Person(rs.getObject("id", UUID.class), rs.getString("email"),
                        Optional.ofNullable(rs.getString("display_name")),
                        Arrays.stream(rs.getString("roles").split(",")).filter(r -> !r.isEmpty()).toList(),
                        rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("last_login_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)))
                .list());
    }

    Optional<String> email(SessionContext admin, UUID id) {
        return db.inContext(admin, h -> h.createQuery("select email from users where id = :id").bind("id", id).mapTo(String.class).findOne());
    }
}
