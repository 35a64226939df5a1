package il.co.voicely.integrations.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import il.co.voicely.integrations.http.Retries;
import il.co.voicely.integrations.internal.HttpCaller;
import il.co.voicely.integrations.internal.Json;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * WhatsApp Business Cloud API (Graph API v23.0) for one business phone number: sends messages,
 * uploads and downloads media, marks messages read, lists templates. Messages are validated before
 * sending ({@link MessageValidationException}); 429 and 5xx answers are retried with backoff
 * honouring {@code Retry-After}; refusals throw {@link WhatsAppApiException} with Meta's error code.
 *
 * <pre>{@code
 * WhatsAppClient whatsapp = WhatsAppClient.builder()
 *         .accessToken(System.getenv("VOICELY_WHATSAPP_ACCESS_TOKEN"))
 *         .phoneNumberId(System.getenv("VOICELY_WHATSAPP_PHONE_NUMBER_ID"))
 *         .build();
 * SentMessage sent = whatsapp.send(OutboundMessage.text("+972501234567", "שלום! השיעור מחר ב-18:00"));
 * }</pre>
 *
 * <p>A network failure that outlasts the retries throws {@link java.io.UncheckedIOException} naming
 * the request. Thread-safe; share one instance. A retried POST after a 5xx may deliver a message twice if Meta
 * had in fact accepted the first attempt: the Cloud API has no idempotency key.
 */
public final class WhatsAppClient {

    /** The public Graph API. */
    public static final URI DEFAULT_BASE_URI = URI.create("https://graph.facebook.com");
    public static final String DEFAULT_API_VERSION = "v23.0";

    private final String accessToken;
    private final String phoneNumberId;
    private final Optional<String> businessAccountId;
    private final String apiRoot;
    private final Duration timeout;
    private final HttpCaller http;

    private WhatsAppClient(Builder b) {
        this.accessToken = Objects.requireNonNull(b.accessToken, "accessToken");
        this.phoneNumberId = Objects.requireNonNull(b.phoneNumberId, "phoneNumberId");
        this.businessAccountId = Optional.ofNullable(b.businessAccountId);
        String base = b.baseUri.toString().replaceAll("/+$", "");
        this.apiRoot = base + "/" + b.apiVersion;
        this.timeout = b.timeout;
        HttpClient client = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.http = new HttpCaller(client, b.retries, GraphErrors::toException);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sends a message; validates it first. */
    public SentMessage send(OutboundMessage message) {
        return post(MessageJson.toJson(message, Optional.empty()));
    }

    /** Sends a message quoting an earlier one ({@code context.message_id}), as a swipe-reply does. */
    public SentMessage sendReply(String inReplyToMessageId, OutboundMessage message) {
        return post(MessageJson.toJson(message, Optional.of(inReplyToMessageId)));
    }

    private SentMessage post(ObjectNode body) {
        JsonNode response = postJson(apiRoot + "/" + phoneNumberId + "/messages", body);
        return new SentMessage(response.path("messages").path(0).path("id").asText(),
                response.path("contacts").path(0).path("wa_id").asText(null));
    }

    /**
     * Marks an inbound message (and all before it) as read, shown as blue ticks; with
     * {@code showTyping} the user also sees a typing indicator until the reply or 25 seconds.
     */
    public void markAsRead(String messageId, boolean showTyping) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("messaging_product", "whatsapp");
        body.put("status", "read");
        body.put("message_id", MessageJson.required("message_id", messageId, 512));
        if (showTyping) {
            body.putObject("typing_indicator").put("type", "text");
        }
        postJson(apiRoot + "/" + phoneNumberId + "/messages", body);
    }

    /** Uploads media (multipart) and returns its id for {@link OutboundMessage.Media#id}. */
    public String uploadMedia(byte[] content, String mimeType, String filename) {
        MessageJson.required("type", mimeType, 255);
        MessageJson.required("file", filename, 240);
        if (content.length == 0) {
            throw new MessageValidationException("file", "must not be empty");
        }
        String boundary = "voicely-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
        writePart(out, boundary, "Content-Disposition: form-data; name=\"messaging_product\"", "whatsapp".getBytes(StandardCharsets.UTF_8));
        writePart(out, boundary, "Content-Disposition: form-data; name=\"type\"", mimeType.getBytes(StandardCharsets.UTF_8));
        writePart(out, boundary, "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename.replace("\"", "") + "\"\r\n"
                + "Content-Type: " + mimeType, content);
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = authorized(URI.create(apiRoot + "/" + phoneNumberId + "/media"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build();
        return Json.read(http.send(request).body()).path("id").asText();
    }

    private static void writePart(ByteArrayOutputStream out, String boundary, String headers, byte[] body) {
        out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Downloads media by id, e.g. an inbound voice note: asks the Graph API for the short-lived URL,
     * then fetches it with the same bearer token (the URL alone is not enough).
     */
    public DownloadedMedia downloadMedia(String mediaId) {
        MessageJson.required("media_id", mediaId, 256);
        JsonNode info = Json.read(http.send(authorized(URI.create(apiRoot + "/" + mediaId)).GET().build()).body());
        String url = info.path("url").asText("");
        if (url.isEmpty()) {
            throw new IllegalStateException("Graph API returned no url for media " + mediaId);
        }
        HttpResponse<byte[]> file = http.send(authorized(URI.create(url)).GET().build());
        String mime = info.path("mime_type").asText(file.headers().firstValue("Content-Type").orElse("application/octet-stream"));
        return new DownloadedMedia(mediaId, mime, file.body());
    }

    /**
     * All message templates of the business account, following Graph paging.
     *
     * @throws IllegalStateException when the builder was given no {@code businessAccountId}
     */
    public List<MessageTemplate> listTemplates() {
        String waba = businessAccountId.orElseThrow(() -> new IllegalStateException(
                "listTemplates needs the WhatsApp Business Account id: set builder().businessAccountId(...)"));
        List<MessageTemplate> templates = new ArrayList<>();
        String next = apiRoot + "/" + waba + "/message_templates?fields=id,name,language,status,category&limit=100";
        while (next != null) {
            JsonNode page = Json.read(http.send(authorized(URI.create(next)).GET().build()).body());
            for (JsonNode t : page.path("data")) {
                templates.add(new MessageTemplate(t.path("id").asText(), t.path("name").asText(),
                        t.path("language").asText(), t.path("status").asText(), t.path("category").asText()));
            }
            next = Json.text(page.path("paging"), "next").orElse(null);
        }
        return List.copyOf(templates);
    }

    private JsonNode postJson(String url, ObjectNode body) {
        HttpRequest request = authorized(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)))
                .build();
        return Json.read(http.send(request).body());
    }

    private HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", "Bearer " + accessToken);
    }

    /** Configures a {@link WhatsAppClient}; {@code accessToken} and {@code phoneNumberId} are required. */
    public static final class Builder {
        private String accessToken;
        private String phoneNumberId;
        private String businessAccountId;
        private URI baseUri = DEFAULT_BASE_URI;
        private String apiVersion = DEFAULT_API_VERSION;
        private HttpClient httpClient;
        private Retries retries = Retries.defaults();
        private Duration timeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** A system-user access token with {@code whatsapp_business_messaging}. */
        public Builder accessToken(String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        public Builder phoneNumberId(String phoneNumberId) {
            this.phoneNumberId = phoneNumberId;
            return this;
        }

        /** The WhatsApp Business Account id; needed only by {@link #listTemplates()}. */
        public Builder businessAccountId(String businessAccountId) {
            this.businessAccountId = businessAccountId;
            return this;
        }

        /** Where the Graph API lives; tests and staging point this at a fake. */
        public Builder baseUri(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
            return this;
        }

        public Builder apiVersion(String apiVersion) {
            this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
            return this;
        }

        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        public Builder retries(Retries retries) {
            this.retries = Objects.requireNonNull(retries, "retries");
            return this;
        }

        /** Per-request timeout (each attempt), 30 s by default. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public WhatsAppClient build() {
            return new WhatsAppClient(this);
        }
    }
}
