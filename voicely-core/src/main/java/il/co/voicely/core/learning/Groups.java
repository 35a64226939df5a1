package il.co.voicely.core.learning;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.identity.PermissionDeniedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Groups of students (a juniors choir, a workshop cohort): members and the group's schedule.
 *
 * <pre>{@code
 * Groups groups = new Groups(db);
 * Group choir = groups.create(teacher.context(), teacher.userId(), "Juniors choir", Optional.empty());
 * groups.addMember(teacher.context(), choir.id(), studentId);
 * String code = groups.joinCode(teacher.context(), choir.id(), false);  // students join with Enrolments.joinByCode
 * }</pre>
 *
 * <p>Row-level security decides: admins and the group's teacher manage it; members read it.
 */
public final class Groups {

    private static final String COLUMNS = "g.id, g.name, g.description, g.teacher_id, g.active";

    private final Database db;

    public Groups(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Creates a group led by {@code teacherId} (a teacher for themselves, an admin for anyone).
     *
     * @throws PermissionDeniedException when the actor may not create it
     */
    public Group create(SessionContext actor, UUID teacherId, String name, Optional<String> description) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a group needs a name of 1 to 200 characters");
        }
        return denied(actor, "groups.manage", () -> db.inContext(actor, h -> h.createQuery(
                        "insert into groups as g (name, description, teacher_id) values (:name, :description, :teacher) returning " + COLUMNS)
                .bind("name", name.strip()).bind("description", description.orElse(null)).bind("teacher", teacherId)
                .map(Groups::group).one()));
    }

    /** The group, when the actor may see it. */
    public Optional<Group> find(SessionContext actor, UUID groupId) {
        return db.inContext(actor, h -> find(h, groupId));
    }

    /** The groups the actor sees: all for staff, their own for students; by name. */
    public List<Group> list(SessionContext actor) {
        return db.inContext(actor, h -> h.createQuery("select " + COLUMNS + " from groups g order by g.name, g.id")
                .map(Groups::group).list());
    }

    /**
     * Adds a member; adding one twice changes nothing.
     *
     * @throws PermissionDeniedException when the actor neither leads the group nor is an admin
     */
    public void addMember(SessionContext actor, UUID groupId, UUID userId) {
        denied(actor, "groups.manage", () -> db.inContext(actor, h -> {
            find(h, groupId).orElseThrow(() -> new GroupNotFoundException(groupId));
            return h.createUpdate("insert into group_members (group_id, user_id) values (:group, :user) on conflict do nothing")
                    .bind("group", groupId).bind("user", userId).execute();
        }));
    }

    /**
     * Removes a member (the teacher or an admin). Their places in the group's lessons stay; cancel them
     * through {@link Enrolments#remove} when that is meant.
     *
     * @return whether they were a member
     * @throws PermissionDeniedException when the actor neither leads the group nor is an admin
     */
    public boolean removeMember(SessionContext actor, UUID groupId, UUID userId) {
        return db.inContext(actor, h -> {
            requireManager(h, actor, groupId);
            return h.createUpdate("delete from group_members where group_id = :group and user_id = :user")
                    .bind("group", groupId).bind("user", userId).execute() > 0;
        });
    }

    /** The group's members with their display names, by name (the teacher's and admin's view). */
    public List<GroupMember> members(SessionContext actor, UUID groupId) {
        return db.inContext(actor, h -> h.createQuery("""
                        select m.group_id, m.user_id, pr.display_name, m.created_at
                          from group_members m
                          left join profiles pr on pr.user_id = m.user_id
                         where m.group_id = :group
                         order by pr.display_name nulls last, m.created_at""")
                .bind("group", groupId)
                .map((rs, ctx) -> new GroupMember(rs.getObject("group_id", UUID.class), rs.getObject("user_id", UUID.class),
                        Optional.ofNullable(rs.getString("display_name")),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list());
    }

    /** The group's lessons starting in {@code [from, to)}, cancelled ones included, for the group page. */
    public List<Lesson> schedule(SessionContext actor, UUID groupId, Instant from, Instant to) {
        return db.inContext(actor, h -> h.createQuery("select " + LessonRows.COLUMNS + """
                         from lessons l
                        where l.group_id = :group and l.starts_at >= :from and l.starts_at < :to
                        order by l.starts_at, l.id""")
                .bind("group", groupId).bind("from", from).bind("to", to)
                .map(LessonRows::mapLesson).list());
    }

    /**
     * The group's join code, created on first use; {@code regenerate} replaces it so old links stop working.
     * Students join with {@link Enrolments#joinByCode}.
     */
    public String joinCode(SessionContext actor, UUID groupId, boolean regenerate) {
        return db.inContext(actor, h -> {
            requireManager(h, actor, groupId);
            return h.createQuery("""
                            update groups set join_code = case when join_code is null or :regenerate then :code else join_code end
                             where id = :id returning join_code""")
                    .bind("regenerate", regenerate).bind("code", LessonRows.newJoinCode()).bind("id", groupId)
                    .mapTo(String.class).one();
        });
    }

    private static void requireManager(Handle h, SessionContext actor, UUID groupId) {
        find(h, groupId).orElseThrow(() -> new GroupNotFoundException(groupId));
        boolean manages = h.createQuery("select voicely_is_admin() or voicely_leads_group(:group)")
                .bind("group", groupId).mapTo(boolean.class).one();
        if (!manages) {
            throw new PermissionDeniedException(actor.userId().orElse(null), "groups.manage",
                    "only the group's teacher or an admin may manage group " + groupId);
        }
    }

    private static Optional<Group> find(Handle h, UUID groupId) {
        return h.createQuery("select " + COLUMNS + " from groups g where g.id = :id").bind("id", groupId)
                .map(Groups::group).findOne();
    }

    private static Group group(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Group(rs.getObject("id", UUID.class), rs.getString("name"), Optional.ofNullable(rs.getString("description")),
                Optional.ofNullable(rs.getObject("teacher_id", UUID.class)), rs.getBoolean("active"));
    }

    private static <T> T denied(SessionContext actor, String permission, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (LessonRows.deniedByPolicy(e)) {
                throw new PermissionDeniedException(actor.userId().orElse(null), permission,
                        "only admins, or teachers for their own groups, may do this");
            }
            throw e;
        }
    }
}
