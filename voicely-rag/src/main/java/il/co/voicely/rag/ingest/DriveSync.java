package il.co.voicely.rag.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.client.http.HttpBackOffIOExceptionHandler;
import com.google.api.client.http.HttpBackOffUnsuccessfulResponseHandler;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.client.util.ExponentialBackOff;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.DriveScopes;
import com.google.api.services.drive.model.Change;
import com.google.api.services.drive.model.ChangeList;
import com.google.api.services.drive.model.File;
import com.google.api.services.drive.model.FileList;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.rag.chunk.Chunk;
import il.co.voicely.rag.chunk.Chunker;
import il.co.voicely.rag.store.Document;
import il.co.voicely.rag.store.DocumentStore;
import il.co.voicely.rag.store.IndexResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the {@code drive} collection in step with one Google Drive folder (and its subfolders), in a
 * shared drive or a user's My Drive.
 *
 * <pre>{@code
 * Drive drive = DriveSync.client(DriveSync.credentials(Path.of("service-account.json")), "Voicely");
 * DriveSync sync = new DriveSync(drive, database, store, Chunker.defaults(), TextExtractor.create(), folderId);
 * DriveSummary s = sync.sync();   // full the first time, then incremental
 * }</pre>
 *
 * <p>The first sync takes a changes start page token, then lists the folder tree and indexes every file;
 * later syncs read {@code changes.list} from the stored token. The token is written to
 * {@code rag_sync_state} after every page of changes, and the full listing records which folders are done,
 * so a sync stopped half-way continues where it stopped. Google Docs are exported as plain text, other
 * files downloaded and read by {@link TextExtractor}. Renamed or edited files are re-indexed; trashed,
 * deleted or moved-away files leave the index. 429 and 5xx answers are retried with exponential backoff.
 */
public final class DriveSync {

    static final String FOLDER = "application/vnd.google-apps.folder";
    static final String GOOGLE_DOC = "application/vnd.google-apps.document";
    private static final String FILE_FIELDS = "id,name,mimeType,parents,trashed,modifiedTime,webViewLink,size";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Drive drive;
    private final Database db;
    private final DocumentStore store;
    private final Chunker chunker;
    private final TextExtractor extractor;
    private final String folderId;
    private final SessionContext context = SessionContext.system();

    public DriveSync(Drive drive, Database db, DocumentStore store, Chunker chunker, TextExtractor extractor, String folderId) {
        this.drive = Objects.requireNonNull(drive, "drive");
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.chunker = Objects.requireNonNull(chunker, "chunker");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.folderId = Objects.requireNonNull(folderId, "folderId");
    }

    /** Service-account or OAuth user ({@code authorized_user}) credentials from a JSON file, read-only Drive scope. */
    public static GoogleCredentials credentials(Path json) throws IOException {
        try (InputStream in = Files.newInputStream(json)) {
            return GoogleCredentials.fromStream(in).createScoped(List.of(DriveScopes.DRIVE_READONLY));
        }
    }

    /** A Drive client for Google's servers, retrying 429 and 5xx. */
    public static Drive client(GoogleCredentials credentials, String applicationName) {
        return client(Optional.of(credentials), applicationName, "https://www.googleapis.com/", Duration.ofSeconds(1));
    }

    /** A Drive client for another root URL (a test double), with or without credentials. */
    public static Drive client(Optional<GoogleCredentials> credentials, String applicationName, String rootUrl, Duration firstRetry) {
        HttpRequestInitializer auth = credentials.<HttpRequestInitializer>map(HttpCredentialsAdapter::new).orElse(r -> { });
        HttpRequestInitializer init = request -> {
            auth.initialize(request);
            ExponentialBackOff backOff = new ExponentialBackOff.Builder()
                    .setInitialIntervalMillis((int) firstRetry.toMillis()).setMaxElapsedTimeMillis(120_000).build();
            request.setUnsuccessfulResponseHandler(new HttpBackOffUnsuccessfulResponseHandler(backOff)
                    .setBackOffRequired(r -> r.getStatusCode() == 429 || r.getStatusCode() / 100 == 5));
            request.setIOExceptionHandler(new HttpBackOffIOExceptionHandler(backOff));
            request.setReadTimeout(60_000);
        };
        return new Drive.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), init)
                .setRootUrl(rootUrl).setApplicationName(applicationName).build();
    }

    /** The {@code rag_documents.source} of this folder's files. */
    public String source() {
        return "drive:" + folderId;
    }

    /** A full sync the first time (or while one is unfinished), incremental after. */
    public DriveSummary sync() {
        try {
            SyncState state = SyncState.load(db, source());
            return state.fullDone() ? incremental(state) : full(state);
        } catch (IOException e) {
            throw new UncheckedIOException("Drive sync of folder " + folderId + " failed: " + e.getMessage(), e);
        }
    }

    private DriveSummary full(SyncState state) throws IOException {
        if (state.pageToken().isEmpty()) {
            // Taken before listing, so changes made during the listing are replayed by the next sync.
            state.pageToken(drive.changes().getStartPageToken().setSupportsAllDrives(true).execute().getStartPageToken());
            state.queue().add(folderId);
            state.folders().add(folderId);
            state.save();
        }
        int[] n = new int[4];
        while (!state.queue().isEmpty()) {
            String folder = state.queue().peekFirst();
            String page = null;
            do {
                FileList list = drive.files().list().setQ("'" + folder.replace("'", "\\'") + "' in parents and trashed = false")
                        .setFields("nextPageToken, files(" + FILE_FIELDS + ")").setPageToken(page)
                        .setSupportsAllDrives(true).setIncludeItemsFromAllDrives(true).execute();
                for (File f : list.getFiles()) {
                    if (FOLDER.equals(f.getMimeType())) {
                        if (state.folders().add(f.getId())) {
                            state.queue().addLast(f.getId());
                        }
                    } else {
                        count(n, index(f));
                    }
                }
                page = list.getNextPageToken();
            } while (page != null);
            state.queue().removeFirst();
            state.save();
        }
        state.fullDone(true);
        state.save();
        return new DriveSummary(true, n[0], n[1], n[2], n[3], state.pageToken().orElseThrow());
    }

    private DriveSummary incremental(SyncState state) throws IOException {
        int[] n = new int[4];
        String token = state.pageToken().orElseThrow();
        while (true) {
            ChangeList changes = drive.changes().list(token).setSupportsAllDrives(true).setIncludeItemsFromAllDrives(true)
                    .setFields("nextPageToken, newStartPageToken, changes(fileId, removed, file(" + FILE_FIELDS + "))").execute();
            for (Change c : changes.getChanges()) {
                apply(c, state, n);
            }
            token = changes.getNextPageToken() != null ? changes.getNextPageToken() : changes.getNewStartPageToken();
            state.pageToken(token);
            state.save();
            if (changes.getNextPageToken() == null) {
                return new DriveSummary(false, n[0], n[1], n[2], n[3], token);
            }
        }
    }

    private void apply(Change c, SyncState state, int[] n) throws IOException {
        File f = c.getFile();
        boolean gone = Boolean.TRUE.equals(c.getRemoved()) || f == null || Boolean.TRUE.equals(f.getTrashed());
        boolean inScope = !gone && f.getParents() != null && f.getParents().stream().anyMatch(state.folders()::contains);
        if (f != null && FOLDER.equals(f.getMimeType())) {
            if (inScope) {
                state.folders().add(f.getId());
            } else {
                state.folders().remove(f.getId());
            }
            return;
        }
        if (!inScope) {
            if (store.delete(context, "drive", source(), c.getFileId())) {
                n[2]++;
            }
            return;
        }
        count(n, index(f));
    }

    /** 0 indexed, 1 unchanged, 3 skipped. */
    private int index(File f) throws IOException {
        Optional<Extracted> text = text(f);
        if (text.isEmpty() || text.get().text().isBlank()) {
            return 3;
        }
        Extracted e = text.get();
        Map<String, String> meta = Map.of("title", f.getName(), "drive_file_id", f.getId());
        List<Chunk> chunks = e.timed() ? chunker.chunkTranscript(e.cues(), meta) : chunker.chunk(e.text(), meta);
        Document doc = Document.builder("drive", source(), f.getId()).title(f.getName()).mimeType(f.getMimeType())
                .uri(Optional.ofNullable(f.getWebViewLink()).orElse("https://drive.google.com/file/d/" + f.getId() + "/view"))
                .language(e.language()).metadata(meta).build();
        IndexResult r = store.index(context, doc, chunks);
        return r.unchanged() ? 1 : 0;
    }

    private Optional<Extracted> text(File f) throws IOException {
        if (GOOGLE_DOC.equals(f.getMimeType())) {
            try (InputStream in = drive.files().export(f.getId(), "text/plain").executeMediaAsInputStream()) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
                return Optional.of(new Extracted(text, "text/plain", Optional.of(f.getName()), TextExtractor.language(text), List.of()));
            }
        }
        if (f.getMimeType() != null && f.getMimeType().startsWith("application/vnd.google-apps.")) {
            return Optional.empty();
        }
        String name = f.getName() == null ? f.getId() : f.getName().replaceAll("[/\\\\]", "_");
        Path dir = Files.createTempDirectory("voicely-drive-");
        Path tmp = dir.resolve(name);
        try {
            try (InputStream in = drive.files().get(f.getId()).setSupportsAllDrives(true).executeMediaAsInputStream()) {
                Files.copy(in, tmp);
            }
            return Optional.of(extractor.extract(tmp));
        } catch (UnreadableFileException e) {
            return Optional.empty();
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(dir);
        }
    }

    private static void count(int[] n, int outcome) {
        n[outcome]++;
    }

    /** This folder's row in {@code rag_sync_state}: the changes token, the folders in scope, the listing's progress. */
    private static final class SyncState {
        private final Database db;
        private final String source;
        private Optional<String> pageToken;
        private boolean fullDone;
        private final Set<String> folders;
        private final Deque<String> queue;

        private SyncState(Database db, String source, Optional<String> pageToken, boolean fullDone, Set<String> folders, Deque<String> queue) {
            this.db = db;
            this.source = source;
            this.pageToken = pageToken;
            this.fullDone = fullDone;
            this.folders = folders;
            this.queue = queue;
        }

        static SyncState load(Database db, String source) throws IOException {
            Optional<Map<String, Object>> row = db.inContext(SessionContext.system(), h -> h.createQuery(
                            "select page_token, state::text as state from rag_sync_state where source = :s and key = 'changes'")
                    .bind("s", source).mapToMap().findOne());
            Set<String> folders = new LinkedHashSet<>();
            Deque<String> queue = new ArrayDeque<>();
            boolean done = false;
            if (row.isPresent()) {
                var state = JSON.readTree((String) row.get().get("state"));
                state.path("folders").forEach(x -> folders.add(x.asText()));
                state.path("queue").forEach(x -> queue.add(x.asText()));
                done = state.path("full_done").asBoolean(false);
            }
            return new SyncState(db, source, row.map(r -> (String) r.get("page_token")), done, folders, queue);
        }

        Optional<String> pageToken() {
            return pageToken;
        }

        void pageToken(String token) {
            pageToken = Optional.ofNullable(token);
        }

        boolean fullDone() {
            return fullDone;
        }

        void fullDone(boolean done) {
            fullDone = done;
        }

        Set<String> folders() {
            return folders;
        }

        Deque<String> queue() {
            return queue;
        }

        void save() {
            ObjectNode state = JSON.createObjectNode().put("full_done", fullDone);
            folders.forEach(state.putArray("folders")::add);
            queue.forEach(state.putArray("queue")::add);
            db.useContext(SessionContext.system(), h -> h.createUpdate("""
                            insert into rag_sync_state (source, key, page_token, state) values (:s, 'changes', :t, cast(:state as jsonb))
                            on conflict (source, key) do update set page_token = excluded.page_token, state = excluded.state""")
                    .bind("s", source).bind("t", pageToken.orElse(null)).bind("state", state.toString()).execute());
        }
    }
}
