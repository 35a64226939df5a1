package il.co.voicely.app.recordings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import il.co.voicely.core.blob.StoredBlob;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.identity.AuthenticatedUser;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The recordings rows as people see them: every query runs in the asking user's context, so row-level
 * security decides whose recordings, analyses and comments exist.
 */
final class Recordings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SELECT = """
            select r.id, r.user_id, coalesce(p.display_name, u.email, '') as owner_name, r.exercise_id, e.slug as exercise_slug, e.title as exercise_title,
                   r.mime_type, r.duration_ms, r.size_bytes, r.status, r.error, r.created_at,
                   (r.user_id = voicely_user_id() or voicely_teaches(r.user_id) or voicely_is_admin()) as can_comment
              from recordings r
              left join vocal_exercises e on e.id = r.exercise_id
              left join users u on u.id = r.user_id
              left join profiles p on p.user_id = r.user_id
            """;

    private final Database db;

    @Inject
    Recordings(Database db) {
        this.db = db;
    }

    /** Registers an upload the blob store has already kept, as {@code me}'s recording waiting for analysis. */
    UUID add(AuthenticatedUser me, StoredBlob blob, String mimeType, Optional<UUID> exerciseId, String source) {
        return db.inContext(me.context(), h -> {
            h.createUpdate("""
                    insert into blobs (key, sha256, size_bytes, mime_type, owner_user_id)
                    values (:key, :sha, :size, :mime, :owner) on conflict (key) do nothing""")
                    .bind("key", blob.key()).bind("sha", blob.sha256()).bind("size", blob.sizeBytes())
                    .bind("mime", mimeType).bind("owner", me.userId()).execute();
            return h.createQuery("""
                    insert into recordings (user_id, exercise_id, source, blob_key, sha256, mime_type, size_bytes)
                    values (:owner, :exercise, :source, :key, :sha, :mime, :size) returning id""")
                    .bind("owner", me.userId()).bind("exercise", exerciseId.orElse(null)).bind("source", source)
                    .bind("key", blob.key()).bind("sha", blob.sha256()).bind("mime", mimeType).bind("size", blob.sizeBytes())
                    .mapTo(UUID.class).one();
        });
    }

    /** {@code me}'s own recordings and those of the students {@code me} teaches, newest first. */
    List<Recording> list(AuthenticatedUser me, int limit) {
        return db.inContext(me.context(), h -> h.createQuery(SELECT + " order by r.created_at desc limit :limit")
                .bind("limit", limit).map((rs, ctx) -> recording(rs)).list());
    }

    /** A recording {@code me} may see; empty for one that does not exist or is someone else's. */
    Optional<Recording> find(AuthenticatedUser me, UUID id) {
        return db.inContext(me.context(), h -> h.createQuery(SELECT + " where r.id = :id")
                .bind("id", id).map((rs, ctx) -> recording(rs)).findOne());
    }

    /** Where the bytes of a recording {@code me} may see are, with their type. */
    Optional<Audio> audio(AuthenticatedUser me, UUID id) {
        return db.inContext(me.context(), h -> h.createQuery("select blob_key, mime_type, size_bytes from recordings where id = :id")
                .bind("id", id).map((rs, ctx) -> new Audio(rs.getString(1), rs.getString(2), rs.getLong(3))).findOne());
    }

    /** The stored voice report of a recording {@code me} may see. */
    Optional<JsonNode> analysis(AuthenticatedUser me, UUID id) {
        return db.inContext(me.context(), h -> h.createQuery("""
                        select report::text from ai_analysis where recording_id = :id and kind = 'voice'
                         order by created_at desc limit 1""")
                .bind("id", id).mapTo(String.class).findOne().map(Recordings::parse));
    }

    /** The transcript text, when one was made. */
    Optional<String> transcript(AuthenticatedUser me, UUID id) {
        return db.inContext(me.context(), h -> h.createQuery(
                        "select text from transcriptions where recording_id = :id order by created_at desc limit 1")
                .bind("id", id).mapTo(String.class).findOne());
    }

    List<Comment> comments(AuthenticatedUser me, UUID id) {
        return db.inContext(me.context(), h -> h.createQuery("""
                        select c.id, coalesce(p.display_name, u.email, '') as author, c.at_ms, c.body, c.created_at
                          from recording_comments c
                          left join users u on u.id = c.author_id
                          left join profiles p on p.user_id = c.author_id
                         where c.recording_id = :id order by c.at_ms, c.created_at""")
                .bind("id", id)
                .map((rs, ctx) -> new Comment(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list());
    }

    /** Adds {@code me}'s comment; row-level security refuses anyone but the owner, their teachers and admin. */
    void comment(AuthenticatedUser me, UUID recordingId, int atMs, String body) {
        db.useContext(me.context(), h -> h.createUpdate("""
                        insert into recording_comments (recording_id, author_id, at_ms, body) values (:rec, :me, :at, :body)""")
                .bind("rec", recordingId).bind("me", me.userId()).bind("at", atMs).bind("body", body).execute());
    }

    /** The active exercises, easiest first. */
    List<Exercise> exercises(AuthenticatedUser me) {
        return db.inContext(me.context(), h -> h.createQuery("""
                        select id, slug, title, coalesce(description, ''), target::text from vocal_exercises
                         where active order by difficulty, title""")
                .map((rs, ctx) -> new Exercise(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        notes(rs.getString(5))))
                .list());
    }

    static List<String> notes(String targetJson) {
        List<String> notes = new ArrayList<>();
        parse(targetJson).path("notes").forEach(n -> notes.add(n.asText()));
        return notes;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Recording recording(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        int duration = rs.getInt("duration_ms");
        Optional<Integer> durationMs = rs.wasNull() ? Optional.empty() : Optional.of(duration);
        return new Recording(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("owner_name"),
                Optional.ofNullable(rs.getObject("exercise_id", UUID.class)), Optional.ofNullable(rs.getString("exercise_slug")), Optional.ofNullable(rs.getString("exercise_title")),
                rs.getString("mime_type"), durationMs, rs.getLong("size_bytes"), rs.getString("status"),
                Optional.ofNullable(rs.getString("error")), created.toInstant(), rs.getBoolean("can_comment"));
    }

    /** Where a recording's bytes are. */
    record Audio(String blobKey, String mimeType, long sizeBytes) {
    }

}
