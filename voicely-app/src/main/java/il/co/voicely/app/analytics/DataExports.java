package il.co.voicely.app.analytics;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin's data exports: each data set is one query streamed from PostgreSQL (a cursor with a fetch
 * size, inside the admin's transaction) straight into a {@link TableWriter}, so an export of a million rows
 * needs the memory of a few hundred. Row-level security applies as for any admin read.
 */
public final class DataExports {

    /** Rows PostgreSQL sends per round trip; the JVM never holds more than this many. */
    static final int FETCH_SIZE = 500;

    /** A data set: its columns and the query that returns them in that order. */
    record DataSet(String name, List<String> columns, String sql) {
    }

    static final Map<String, DataSet> DATA_SETS = Map.of(
            "users", new DataSet("users", List.of("id", "email", "display_name", "roles", "status", "locale", "created_at", "last_login_at"), """
                    select u.id, u.email, p.display_name,
                           (select string_agg(r.role, ' ' order by r.role) from user_roles r where r.user_id = u.id),
                           u.status, u.locale, u.created_at, u.last_login_at
                      from users u left join profiles p on p.user_id = u.id order by u.created_at, u.id
                    """),
            "lessons", new DataSet("lessons", List.of("id", "title", "kind", "status", "starts_at", "duration_minutes", "teacher", "capacity", "enrolled"), """
                    select l.id, l.title, l.kind, l.status, l.starts_at, l.duration_minutes, t.email, l.capacity,
                           (select count(*) from lesson_participants lp where lp.lesson_id = l.id and lp.status = 'enrolled')
                      from lessons l left join users t on t.id = l.teacher_id order by l.starts_at, l.id
                    """),
            "attendance", new DataSet("attendance", List.of("lesson_id", "lesson", "starts_at", "student", "student_name", "status", "attendance"), """
                    select l.id, l.title, l.starts_at, u.email, p.display_name, lp.status, lp.attendance
                      from lesson_participants lp join lessons l on l.id = lp.lesson_id join users u on u.id = lp.user_id
                      left join profiles p on p.user_id = lp.user_id order by l.starts_at, l.id, u.email
                    """),
            "leads", new DataSet("leads", List.of("id", "name", "email", "phone", "source", "status", "interest", "created_at"), """
                    select id, name, email, phone, source, status, interest, created_at from leads order by created_at, id
                    """),
            "conversations", new DataSet("conversations", List.of("id", "channel", "state", "contact_name", "contact_phone", "contact_email",
                    "messages", "created_at", "resolved_at"), """
                    select s.id, s.channel, s.state, s.contact_name, s.contact_phone, s.contact_email,
                           (select count(*) from chat_messages m where m.session_id = s.id), s.created_at, s.resolved_at
                      from chat_sessions s order by s.created_at, s.id
                    """),
            "recordings", new DataSet("recordings", List.of("id", "owner", "source", "title", "mime_type", "duration_ms", "size_bytes",
                    "status", "created_at"), """
                    select r.id, u.email, r.source, r.title, r.mime_type, r.duration_ms, r.size_bytes, r.status, r.created_at
                      from recordings r join users u on u.id = r.user_id order by r.created_at, r.id
                    """));

    private final Database db;

    @Inject
    public DataExports(Database db) {
        this.db = db;
    }

    /** The data set called {@code name}, if there is one. */
    static Optional<DataSet> dataSet(String name) {
        return Optional.ofNullable(DATA_SETS.get(name));
    }

    /** The data sets' names, sorted. */
    public static List<String> names() {
        return DATA_SETS.keySet().stream().sorted().toList();
    }

    /**
     * Streams data set {@code name} as {@code format} ({@code csv} or {@code xlsx}) into {@code out}, as
     * {@code admin}; returns the number of data rows written.
     *
     * @throws IllegalArgumentException for an unknown data set
     */
    public long export(SessionContext admin, String name, String format, OutputStream out) {
        DataSet set = dataSet(name).orElseThrow(() -> new IllegalArgumentException("no data set '" + name + "'; known: " + names()));
        return db.inContext(admin, h -> {
            try (TableWriter writer = TableWriter.open(format, out, set.name(), set.columns())) {
                long[] rows = {0};
                h.createQuery(set.sql()).setFetchSize(FETCH_SIZE).map((rs, ctx) -> values(rs, set.columns().size()))
                        .useStream(stream -> stream.forEach(values -> {
                            try {
                                writer.row(values);
                                rows[0]++;
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }));
                return rows[0];
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the " + name + " export", e);
            }
        });
    }

    private static List<String> values(ResultSet rs, int columns) throws SQLException {
        List<String> values = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
            Object value = rs.getObject(c);
            values.add(value == null ? null : value instanceof Timestamp ? rs.getObject(c, OffsetDateTime.class).toString() : value.toString());
        }
        return values;
    }
}
