package il.co.voicely.app.lessons;

import jakarta.inject.Inject;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.identity.AuthenticatedUser;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Display names for the people on a lesson page, read in the viewer's context: staff see everyone's,
 * a student only teachers' and their own (row-level security on {@code profiles}).
 */
final class People {

    private final Database db;

    @Inject
    People(Database db) {
        this.db = db;
    }

    Map<UUID, String> names(AuthenticatedUser viewer, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new HashMap<>();
        db.useContext(viewer.context(), h -> h.createQuery("""
                        select p.user_id, coalesce(nullif(p.display_name, ''), u.email) as name
                          from profiles p left join users u on u.id = p.user_id
                         where p.user_id = any(:ids)""")
                .bind("ids", ids.toArray(UUID[]::new))
                .map((rs, ctx) -> Map.entry(rs.getObject("user_id", UUID.class), rs.getString("name")))
                .forEach(e -> names.put(e.getKey(), e.getValue())));
        return names;
    }
}
