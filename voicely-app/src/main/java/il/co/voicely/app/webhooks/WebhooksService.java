package il.co.voicely.app.webhooks;

import il.co.voicely.app.jobs.JobQueue;
import il.co.voicely.integrations.calcom.CalComWebhook;
import il.co.voicely.integrations.whatsapp.WhatsAppWebhook;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET/POST /webhooks/whatsapp} and {@code POST /webhooks/calcom}. A delivery is verified on its raw
 * bytes (both providers sign exactly what they sent), stored, acknowledged with 200, and processed later by
 * a job: providers time out and redeliver when an answer is slow. A bad signature gets 401 and a log line.
 * A webhook whose secret is not configured answers 503, so the provider keeps retrying until it is.
 *
 * <p>The service also runs this feature's job scheduler: it starts with the server and stops with it,
 * before the app closes the database.
 */
public final class WebhooksService implements HttpService {

    private static final Logger log = LoggerFactory.getLogger(WebhooksService.class);
    private static final HeaderName META_SIGNATURE = HeaderNames.create("X-Hub-Signature-256");
    private static final HeaderName CALCOM_SIGNATURE = HeaderNames.create("X-Cal-Signature-256");

    private final Optional<WhatsAppWebhook> whatsapp;
    private final Optional<CalComWebhook> calcom;
    private final WebhookEvents events;
    private final WebhookProcessor processor;
    private final JobQueue queue;

    WebhooksService(Optional<WhatsAppWebhook> whatsapp, Optional<CalComWebhook> calcom, WebhookEvents events,
                    WebhookProcessor processor, JobQueue queue) {
        this.whatsapp = whatsapp;
        this.calcom = calcom;
        this.events = events;
        this.processor = processor;
        this.queue = queue;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/webhooks/whatsapp", this::verifySubscription)
                .post("/webhooks/whatsapp", (req, res) -> receive("whatsapp", req, res))
                .post("/webhooks/calcom", (req, res) -> receive("calcom", req, res));
    }

    /** Meta's subscription handshake: echo the challenge when the verify token matches. */
    private void verifySubscription(ServerRequest req, ServerResponse res) {
        if (whatsapp.isEmpty()) {
            notConfigured("whatsapp", res);
            return;
        }
        var query = req.query();
        Optional<String> challenge = whatsapp.get().verifySubscription(query.first("hub.mode").orElse(""),
                query.first("hub.verify_token").orElse(""), query.first("hub.challenge").orElse(""));
        if (challenge.isEmpty()) {
            log.warn("WhatsApp subscription handshake refused: wrong mode or verify token");
            res.status(Status.FORBIDDEN_403).send("verify token mismatch");
            return;
        }
        res.send(challenge.get());
    }

    private void receive(String provider, ServerRequest req, ServerResponse res) {
        boolean configured = provider.equals("whatsapp") ? whatsapp.isPresent() : calcom.isPresent();
        if (!configured) {
            notConfigured(provider, res);
            return;
        }
        byte[] raw = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
        String signature = req.headers().first(provider.equals("whatsapp") ? META_SIGNATURE : CALCOM_SIGNATURE).orElse("");
        boolean valid = provider.equals("whatsapp")
                ? whatsapp.get().isSignatureValid(raw, signature)
                : calcom.get().isSignatureValid(raw, signature);
        if (!valid) {
            log.warn("Rejected a {} webhook from {} with a bad signature ({} bytes, signature {})", provider,
                    req.remotePeer().host(), raw.length, signature.isEmpty() ? "missing" : "wrong");
            res.status(Status.UNAUTHORIZED_401).send("bad signature");
            return;
        }
        events.store(provider, raw).ifPresent(processor::enqueue);
        res.send("ok");
    }

    private static void notConfigured(String provider, ServerResponse res) {
        log.warn("A {} webhook arrived but its secret is not configured", provider);
        res.status(Status.SERVICE_UNAVAILABLE_503).send(provider + " webhooks are not configured");
    }
}
