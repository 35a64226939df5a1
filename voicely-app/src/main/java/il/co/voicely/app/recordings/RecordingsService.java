package il.co.voicely.app.recordings;

import il.co.voicely.app.auth.Access;
import il.co.voicely.app.auth.ForbiddenException;
import il.co.voicely.app.auth.Forms;
import il.co.voicely.app.web.ErrorPages;
import il.co.voicely.app.web.FormView;
import il.co.voicely.app.web.Json;
import il.co.voicely.app.web.Pages;
import il.co.voicely.core.blob.BlobStore;
import il.co.voicely.core.blob.BlobTooLargeException;
import il.co.voicely.core.blob.StoredBlob;
import il.co.voicely.core.identity.AuthenticatedUser;
import io.helidon.common.parameters.Parameters;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import il.co.voicely.app.analytics.Tracking;
import il.co.voicely.audio.transcribe.Transcriber;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@code /recordings}: record in the browser or upload, the history, and one recording's page with playback,
 * the analysis in words and the pitch curve, and time-stamped comments. Uploads are the raw request body
 * (the page's script sends the recorded or chosen file as is), stored in the blob store and analysed by a job.
 */
public final class RecordingsService implements HttpService {

    static final String PATH = "/recordings";
    /** Largest upload: 20 minutes of WAV at 22 kHz fits; browser recordings are far smaller. */
    static final long MAX_BYTES = 50L * 1024 * 1024;
    private static final Pattern MEDIA_TYPE = Pattern.compile("(audio|video)/[a-z0-9.+-]{1,60}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Pages pages;
    private final ErrorPages errors;
    private final Recordings recordings;
    private final BlobStore blobs;
    private final RecordingPipeline pipeline;
    private final Tracking tracking;
    private final Transcriber transcriber;

    @Inject
    RecordingsService(Pages pages, ErrorPages errors, Recordings recordings, BlobStore blobs, RecordingPipeline pipeline,
                      Tracking tracking, Transcriber transcriber) {
        this.tracking = tracking;
        this.transcriber = transcriber;
        this.pages = pages;
        this.errors = errors;
        this.recordings = recordings;
        this.blobs = blobs;
        this.pipeline = pipeline;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, this::list);
        rules.post(PATH + "/upload", this::upload);
        rules.get(PATH + "/{id}", this::show);
        rules.get(PATH + "/{id}/status", this::status);
        rules.get(PATH + "/{id}/audio", this::audio);
        rules.post(PATH + "/{id}/comments", this::comment);
    }

    private void list(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        Map<String, Object> params = new HashMap<>();
        params.put("recordings", recordings.list(me, 50));
        params.put("exercises", recordings.exercises(me));
        params.put("chosen", req.query().first("exercise").asOptional().orElse(""));
        params.put("maxSeconds", RecordingLimits.BROWSER_SECONDS);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, Status.OK_200, "recordings/list.jte", params);
    }

    private void upload(ServerRequest req, ServerResponse res) throws IOException {
        AuthenticatedUser me = Access.user(req);
        Optional<UUID> exercise = req.query().first("exercise").asOptional().filter(s -> !s.isBlank()).flatMap(RecordingsService::uuid);
        if (req.query().first("exercise").asOptional().filter(s -> !s.isBlank()).isPresent() && exercise.isEmpty()) {
            refuse(req, res, Status.BAD_REQUEST_400, "bad_exercise");
            return;
        }
        StoredBlob blob;
        try (InputStream body = req.content().inputStream()) {
            blob = blobs.put(body, MAX_BYTES);
        } catch (BlobTooLargeException e) {
            refuse(req, res, Status.REQUEST_ENTITY_TOO_LARGE_413, "too_large");
            return;
        }
        if (blob.sizeBytes() == 0) {
            refuse(req, res, Status.BAD_REQUEST_400, "empty");
            return;
        }
        String type = req.headers().contentType().map(HttpMediaType::mediaType).map(m -> m.type() + "/" + m.subtype())
                .filter(t -> MEDIA_TYPE.matcher(t).matches()).orElse("application/octet-stream");
        UUID id;
        try {
            id = recordings.add(me, blob, type, exercise, "practice");
        } catch (UnableToExecuteStatementException e) {
            // Only an unknown exercise id can break the insert: the rest comes from the server.
            refuse(req, res, Status.BAD_REQUEST_400, "bad_exercise");
            return;
        }
        pipeline.schedule(id);
        tracking.recordingCreated(me, id, "practice");
        res.header(HeaderNames.LOCATION, PATH + "/" + id);
        Json.send(res, Status.CREATED_201, Map.of("id", id.toString(), "url", PATH + "/" + id));
    }

    private void refuse(ServerRequest req, ServerResponse res, Status status, String reason) {
        Json.error(res, status, reason, pages.messages().text(pages.lang(req), "recordings.upload." + reason));
    }

    private void show(ServerRequest req, ServerResponse res) {
        show(req, res, Status.OK_200, FormView.empty());
    }

    private void show(ServerRequest req, ServerResponse res, Status status, FormView form) {
        AuthenticatedUser me = Access.user(req);
        Optional<Recording> recording = uuid(req.path().pathParameters().get("id")).flatMap(id -> recordings.find(me, id));
        if (recording.isEmpty()) {
            errors.notFound(req, res);
            return;
        }
        UUID id = recording.get().id();
        Map<String, Object> params = new HashMap<>();
        params.put("recording", recording.get());
        params.put("analysis", recordings.analysis(me, id).map(Analysis::new).orElse(null));
        params.put("transcript", recordings.transcript(me, id).orElse(""));
        params.put("transcriptionConfigured", transcriber.available());
        params.put("comments", recordings.comments(me, id));
        params.put("form", form);
        params.put("mine", recording.get().ownerId().equals(me.userId()));
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, status, "recordings/show.jte", params);
    }

    /** Polled by the page while the job runs; once it is done the page reloads to show the result. */
    private void status(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        Optional<Recording> recording = uuid(req.path().pathParameters().get("id")).flatMap(id -> recordings.find(me, id));
        if (recording.isEmpty()) {
            errors.notFound(req, res);
            return;
        }
        if (!recording.get().pending()) {
            res.header(HeaderNames.create("HX-Refresh"), "true");
        }
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        pages.render(req, res, Status.OK_200, "recordings/status.jte", Map.of("recording", recording.get()));
    }

    private void audio(ServerRequest req, ServerResponse res) throws IOException {
        AuthenticatedUser me = Access.user(req);
        Optional<Recordings.Audio> audio = uuid(req.path().pathParameters().get("id")).flatMap(id -> recordings.audio(me, id));
        if (audio.isEmpty()) {
            errors.notFound(req, res);
            return;
        }
        long size = audio.get().sizeBytes();
        // Browsers seek in <audio> with Range requests; without them a comment's time could not be jumped to.
        Optional<ByteRange> range = req.headers().first(HeaderNames.RANGE).flatMap(h -> ByteRange.parse(h, size));
        res.header(HeaderNames.CONTENT_TYPE, audio.get().mimeType());
        res.header(HeaderNames.CACHE_CONTROL, "private, max-age=3600");
        res.header(HeaderNames.ACCEPT_RANGES, "bytes");
        if (range.isPresent()) {
            res.status(Status.PARTIAL_CONTENT_206);
            res.header(HeaderNames.CONTENT_RANGE, "bytes " + range.get().first() + "-" + range.get().last() + "/" + size);
        }
        long skip = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        res.header(HeaderNames.CONTENT_LENGTH, String.valueOf(length));
        try (InputStream in = blobs.open(audio.get().blobKey()); OutputStream out = res.outputStream()) {
            in.skipNBytes(skip);
            byte[] buffer = new byte[64 * 1024];
            for (long left = length; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private void comment(ServerRequest req, ServerResponse res) {
        AuthenticatedUser me = Access.user(req);
        Optional<Recording> recording = uuid(req.path().pathParameters().get("id")).flatMap(id -> recordings.find(me, id));
        if (recording.isEmpty()) {
            errors.notFound(req, res);
            return;
        }
        if (!recording.get().canComment()) {
            throw new ForbiddenException("only the owner, their teachers and admin comment on a recording");
        }
        Parameters form = Forms.of(req);
        String at = Forms.text(form, "at");
        String body = Forms.text(form, "body");
        FormView view = FormView.empty().with("at", at).with("body", body);
        Optional<Integer> atMs = at.isEmpty() ? Optional.of(0) : Comments.parse(at);
        if (atMs.isEmpty()) {
            view.error("at", "recordings.comment.at_invalid");
        }
        if (body.isEmpty() || body.length() > 2000) {
            view.error("body", "recordings.comment.body_required");
        }
        if (view.hasErrors()) {
            show(req, res, Status.BAD_REQUEST_400, view);
            return;
        }
        recordings.comment(me, recording.get().id(), atMs.get(), body);
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, PATH + "/" + recording.get().id() + "#comments").send();
    }

    private static Optional<UUID> uuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }
}
