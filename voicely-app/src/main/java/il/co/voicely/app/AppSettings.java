package il.co.voicely.app;

import il.co.voicely.app.webhooks.IntegrationSettings;
import il.co.voicely.audio.transcribe.TranscriptionSettings;
import il.co.voicely.core.db.DatabaseSettings;
import il.co.voicely.core.mail.SmtpSettings;
import il.co.voicely.rag.llm.LlmSettings;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the app reads from its environment, gathered in one place and checked at start.
 *
 * <pre>{@code
 * AppSettings settings = AppSettings.load(System.getenv());   // application.yaml + VOICELY_* variables
 * AppSettings forTest = settings.withPort(0).withHome(tempDir);
 * }</pre>
 *
 * <p>Defaults live in {@code application.yaml}; each {@code VOICELY_*} variable listed in
 * {@link #ENVIRONMENT} overrides one key. With no database URL the app runs its own PostgreSQL under
 * {@code home/pg}; with one, it connects there and never seeds demo data.
 *
 * @param host             the address to listen on
 * @param port             the HTTP port; 0 picks a free one
 * @param home             the app's own folder (embedded database, later blobs)
 * @param externalDatabase the database to use instead of the embedded one
 * @param postgresOsUser   the OS account that runs the embedded server when the app runs as root
 * @param poolSize         the application connection pool's size
 * @param baseUrl          the address people reach the app at, for links in e-mails
 * @param smtp             the mail server; empty keeps outgoing mail in the database outbox for admins
 * @param trustedProxies   addresses of reverse proxies whose {@code X-Forwarded-For}/{@code -Proto} are believed
 * @param secret           signs the anti-forgery cookie of anonymous forms; empty draws a random one per start
 *                         (fine for one instance; several instances behind a load balancer must share one)
 * @param integrations     WhatsApp and Cal.com: API bases, keys and webhook secrets
 * @param widgetOrigins    sites (scheme://host[:port]) allowed to embed the chat widget; the app itself always is
 * @param transcription    which engine transcribes recordings: a whisper.cpp model, an OpenAI-compatible server, or none
 * @param llm              language-model providers for the assistants; none means they quote the site
 */
public record AppSettings(String host, int port, Path home, Optional<DatabaseSettings> externalDatabase,
                          String postgresOsUser, int poolSize, URI baseUrl, Optional<SmtpSettings> smtp,
                          List<String> trustedProxies, Optional<String> secret,
                          IntegrationSettings integrations, List<String> widgetOrigins,
                          TranscriptionSettings transcription, LlmSettings llm) {

    /** Environment variable → config key. The app reads no other variables. */
    public static final Map<String, String> ENVIRONMENT = orderedMap(
            "VOICELY_HOST", "voicely.host",
            "VOICELY_PORT", "voicely.port",
            "VOICELY_HOME", "voicely.home",
            "VOICELY_DB_URL", "voicely.db.url",
            "VOICELY_DB_USER", "voicely.db.user",
            "VOICELY_DB_PASSWORD", "voicely.db.password",
            "VOICELY_DB_APP_USER", "voicely.db.app-user",
            "VOICELY_DB_APP_PASSWORD", "voicely.db.app-password",
            "VOICELY_DB_POOL_SIZE", "voicely.db.pool-size",
            "VOICELY_PG_OS_USER", "voicely.pg.os-user",
            "VOICELY_BASE_URL", "voicely.base-url",
            "VOICELY_SMTP_HOST", "voicely.smtp.host",
            "VOICELY_SMTP_PORT", "voicely.smtp.port",
            "VOICELY_SMTP_USER", "voicely.smtp.user",
            "VOICELY_SMTP_PASSWORD", "voicely.smtp.password",
            "VOICELY_SMTP_FROM", "voicely.smtp.from",
            "VOICELY_TRUSTED_PROXIES", "voicely.trusted-proxies",
            "VOICELY_SECRET", "voicely.secret",
            "VOICELY_WHATSAPP_APP_SECRET", "voicely.whatsapp.app-secret",
            "VOICELY_WHATSAPP_VERIFY_TOKEN", "voicely.whatsapp.verify-token",
            "VOICELY_WHATSAPP_ACCESS_TOKEN", "voicely.whatsapp.access-token",
            "VOICELY_WHATSAPP_PHONE_NUMBER_ID", "voicely.whatsapp.phone-number-id",
            "VOICELY_WHATSAPP_API_BASE", "voicely.whatsapp.api-base",
            "VOICELY_CALCOM_API_KEY", "voicely.calcom.api-key",
            "VOICELY_CALCOM_WEBHOOK_SECRET", "voicely.calcom.webhook-secret",
            "VOICELY_CALCOM_API_BASE", "voicely.calcom.api-base",
            "VOICELY_WIDGET_ORIGINS", "voicely.widget-origins",
            "VOICELY_WHISPER_MODEL", "voicely.transcribe.whisper-model",
            "VOICELY_TRANSCRIBE_URL", "voicely.transcribe.url",
            "VOICELY_TRANSCRIBE_API_KEY", "voicely.transcribe.api-key",
            "VOICELY_TRANSCRIBE_MODEL", "voicely.transcribe.model",
            "VOICELY_TRANSCRIBE_LANGUAGE", "voicely.transcribe.language",
            "ANTHROPIC_API_KEY", "voicely.llm.anthropic-api-key",
            "VOICELY_ANTHROPIC_MODEL", "voicely.llm.anthropic-model",
            "VOICELY_ANTHROPIC_BASE_URL", "voicely.llm.anthropic-base-url",
            "GEMINI_API_KEY", "voicely.llm.gemini-api-key",
            "VOICELY_GEMINI_MODEL", "voicely.llm.gemini-model",
            "VOICELY_GEMINI_BASE_URL", "voicely.llm.gemini-base-url",
            "OPENAI_API_KEY", "voicely.llm.openai-api-key",
            "VOICELY_OPENAI_MODEL", "voicely.llm.openai-model",
            "VOICELY_OPENAI_BASE_URL", "voicely.llm.openai-base-url",
            "VOICELY_LLM_ORDER", "voicely.llm.order");

    public AppSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(externalDatabase, "externalDatabase");
        Objects.requireNonNull(postgresOsUser, "postgresOsUser");
        if (port < 0 || port > 65_535) {
            throw new InvalidSettingsException("VOICELY_PORT must be between 0 and 65535, was " + port);
        }
        if (poolSize < 1) {
            throw new InvalidSettingsException("VOICELY_DB_POOL_SIZE must be at least 1, was " + poolSize);
        }
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(smtp, "smtp");
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(integrations, "integrations");
        widgetOrigins = List.copyOf(widgetOrigins);
        Objects.requireNonNull(transcription, "transcription");
        Objects.requireNonNull(llm, "llm");
    }

    /** Settings with the defaults for everything past the database: links to localhost, mail to the outbox. */
    public AppSettings(String host, int port, Path home, Optional<DatabaseSettings> externalDatabase,
                       String postgresOsUser, int poolSize) {
        this(host, port, home, externalDatabase, postgresOsUser, poolSize, URI.create("http://localhost:" + (port == 0 ? 8080 : port)),
                Optional.empty(), List.of(), Optional.empty(), IntegrationSettings.none(), List.of(), TranscriptionSettings.none(), LlmSettings.none());
    }

    /**
     * Reads {@code application.yaml} from the class path, overridden by the {@code VOICELY_*} entries of
     * {@code environment} (pass {@code System.getenv()}).
     *
     * @throws InvalidSettingsException naming the variable that is missing or malformed
     */
    public static AppSettings load(Map<String, String> environment) {
        Map<String, String> overrides = new LinkedHashMap<>();
        ENVIRONMENT.forEach((variable, key) -> Optional.ofNullable(environment.get(variable))
                .filter(value -> !value.isBlank())
                .ifPresent(value -> overrides.put(key, value.strip())));
        Config config = Config.builder()
                // Explicit sources only: Helidon would otherwise map every variable and system property.
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(overrides), ConfigSources.classpath("application.yaml"))
                .build();
        return from(config);
    }

    /** Reads the {@code voicely} node of a Helidon config. */
    public static AppSettings from(Config config) {
        Config app = config.get("voicely");
        int poolSize = integer(app, "db.pool-size", 10);
        return new AppSettings(
                text(app, "host").orElse("0.0.0.0"),
                integer(app, "port", 8080),
                text(app, "home").map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.home"), ".voicely")),
                externalDatabase(app, poolSize),
                text(app, "pg.os-user").orElse("postgres"),
                poolSize,
                baseUrl(app),
                smtp(app),
                text(app, "trusted-proxies").map(list -> Arrays.stream(list.split(",")).map(String::strip)
                        .filter(entry -> !entry.isEmpty()).toList()).orElse(List.of()),
                text(app, "secret"),
                integrations(app),
                text(app, "widget-origins").map(AppSettings::origins).orElse(List.of()),
                transcription(app),
                llm(app));
    }

    /** A bare model file name (ggml-small.bin) is looked up in {@code $VOICELY_HOME/models}, as the audio library's downloader puts it. */
    private static TranscriptionSettings transcription(Config app) {
        Path home = text(app, "home").map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.home"), ".voicely"));
        Optional<Path> model = text(app, "transcribe.whisper-model").map(Path::of)
                .map(file -> file.getParent() == null ? home.resolve("models").resolve(file) : file);
        Optional<URI> url = text(app, "transcribe.url").map(u -> {
            try {
                URI uri = URI.create(u);
                if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
                    throw new IllegalArgumentException("not an http(s) address");
                }
                return uri;
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException("VOICELY_TRANSCRIBE_URL must be an address like http://localhost:8000, was '" + u + "'", e);
            }
        });
        return new TranscriptionSettings(url, text(app, "transcribe.api-key"), text(app, "transcribe.model").orElse("whisper-1"),
                model, text(app, "transcribe.language").orElse("he"));
    }

    // The llm package reads provider variables by their environment names; hand it exactly those it knows.
    private static LlmSettings llm(Config app) {
        Map<String, String> variables = new LinkedHashMap<>();
        ENVIRONMENT.forEach((variable, key) -> {
            if (key.startsWith("voicely.llm.")) {
                text(app, key.substring("voicely.".length())).ifPresent(value -> variables.put(variable, value));
            }
        });
        try {
            return LlmSettings.fromEnvironment(variables);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("The language-model settings are not usable: " + e.getMessage(), e);
        }
    }

    /** The same settings answering with the language models of {@code value} ({@link LlmSettings#none()}: quote the site). */
    public AppSettings withLlm(LlmSettings value) {
        return new AppSettings(host, port, home, externalDatabase, postgresOsUser, poolSize, baseUrl, smtp, trustedProxies, secret, integrations, widgetOrigins, transcription, value);
    }

    private static IntegrationSettings integrations(Config app) {
        return new IntegrationSettings(text(app, "whatsapp.app-secret"), text(app, "whatsapp.verify-token"),
                text(app, "whatsapp.access-token"), text(app, "whatsapp.phone-number-id"),
                apiBase(app, "whatsapp.api-base", IntegrationSettings.WHATSAPP_API),
                text(app, "calcom.api-key"), text(app, "calcom.webhook-secret"),
                apiBase(app, "calcom.api-base", IntegrationSettings.CALCOM_API));
    }

    private static URI apiBase(Config app, String key, URI fallback) {
        Optional<String> url = text(app, key);
        if (url.isEmpty()) {
            return fallback;
        }
        try {
            URI uri = URI.create(url.get());
            if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
                throw new IllegalArgumentException("not an http(s) address");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(variableFor(key) + " must be an address like " + fallback + ", was '" + url.get() + "'", e);
        }
    }

    private static URI baseUrl(Config app) {
        String url = text(app, "base-url").orElse("http://localhost:" + integer(app, "port", 8080));
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
                throw new IllegalArgumentException("not an http(s) address");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("VOICELY_BASE_URL must be an address like https://app.example.com, was '" + url + "'", e);
        }
    }

    private static Optional<SmtpSettings> smtp(Config app) {
        Optional<String> host = text(app, "smtp.host");
        if (host.isEmpty()) {
            return Optional.empty();
        }
        int smtpPort = integer(app, "smtp.port", 587);
        String from = text(app, "smtp.from").orElse("Voicely <no-reply@voicely.local>");
        try {
            SmtpSettings settings = SmtpSettings.of(host.get(), smtpPort, from);
            Optional<String> user = text(app, "smtp.user");
            return Optional.of(user.isPresent() ? settings.withLogin(user.get(), required(app, "smtp.password", "VOICELY_SMTP_USER")) : settings);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("The SMTP settings are not usable: " + e.getMessage(), e);
        }
    }

    private static Optional<DatabaseSettings> externalDatabase(Config app, int poolSize) {
        Optional<String> url = text(app, "db.url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DatabaseSettings(url.get(),
                    required(app, "db.user"), required(app, "db.password"),
                    text(app, "db.app-user").orElse("voicely_app"), required(app, "db.app-password"),
                    poolSize));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("The external database settings are not usable: " + e.getMessage(), e);
        }
    }

    /** The same settings listening on another port (0 for any free one). */
    public AppSettings withPort(int newPort) {
        return new AppSettings(host, newPort, home, externalDatabase, postgresOsUser, poolSize, baseUrl, smtp, trustedProxies, secret, integrations, widgetOrigins, transcription, llm);
    }

    /** The same settings with another home folder. */
    public AppSettings withHome(Path newHome) {
        return new AppSettings(host, port, newHome, externalDatabase, postgresOsUser, poolSize, baseUrl, smtp, trustedProxies, secret, integrations, widgetOrigins, transcription, llm);
    }

    /** The same settings sending mail through {@code server} (tests point this at GreenMail). */
    public AppSettings withSmtp(SmtpSettings server) {
        return new AppSettings(host, port, home, externalDatabase, postgresOsUser, poolSize, baseUrl, Optional.of(server), trustedProxies, secret, integrations, widgetOrigins, transcription, llm);
    }

    /** The same settings believing forwarding headers from {@code proxies}. */
    public AppSettings withTrustedProxies(List<String> proxies) {
        return new AppSettings(host, port, home, externalDatabase, postgresOsUser, poolSize, baseUrl, smtp, proxies, secret, integrations, widgetOrigins, transcription, llm);
    }

    /** The same settings with WhatsApp and Cal.com configured as {@code value} says (tests point them at WireMock). */
    public AppSettings withIntegrations(IntegrationSettings value) {
        return new AppSettings(host, port, home, externalDatabase, postgresOsUser, poolSize, baseUrl, smtp, trustedProxies, secret, value, widgetOrigins, transcription, llm);
    }

    /** The same settings transcribing recordings as {@code value} says (tests point it at WireMock). */
    public AppSettings withTranscription(TranscriptionSettings value) {
        return new AppSettings(host, port, home, externalDatabase, postgresOsUser, poolSize, baseUrl, smtp, trustedProxies, secret, integrations, widgetOrigins, value, llm);
    }

    /** The same settings letting the chat widget run on the sites {@code origins} (e.g. {@code https://school.example}). */
    public AppSettings withWidgetOrigins(List<String> origins) {
        return new AppSettings(host, port, home, externalDatabase, postgresOsUser, poolSize, baseUrl, smtp, trustedProxies, secret, integrations, origins, transcription, llm);
    }

    // Origins compare as the browser sends them: scheme://host[:port], no path, no trailing slash.
    private static List<String> origins(String list) {
        List<String> origins = Arrays.stream(list.split(",")).map(String::strip).filter(entry -> !entry.isEmpty())
                .map(entry -> entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry).toList();
        for (String origin : origins) {
            URI uri;
            try {
                uri = URI.create(origin);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException("VOICELY_WIDGET_ORIGINS holds '" + origin + "', which is not an address", e);
            }
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                    || (uri.getPath() != null && !uri.getPath().isEmpty())) {
                throw new InvalidSettingsException("VOICELY_WIDGET_ORIGINS entries must look like https://school.example, was '" + origin + "'");
            }
        }
        return origins;
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "AppSettings[" + host + ":" + port + ", home=" + home + ", db=" + externalDatabase.map(d -> d.jdbcUrl()).orElse("embedded")
                + ", baseUrl=" + baseUrl + ", smtp=" + smtp.map(SmtpSettings::toString).orElse("outbox")
                + ", trustedProxies=" + trustedProxies + ", secret=" + (secret.isPresent() ? "set" : "random") + ", " + integrations + ", " + transcription + "]";
    }

    /** Where the embedded PostgreSQL cluster lives. */
    public Path postgresDataDirectory() {
        return home.resolve("pg");
    }

    private static Optional<String> text(Config app, String key) {
        return app.get(key).asString().asOptional().map(String::strip).filter(value -> !value.isEmpty());
    }

    private static String required(Config app, String key) {
        return required(app, key, "VOICELY_DB_URL");
    }

    private static String required(Config app, String key, String because) {
        return text(app, key).orElseThrow(() -> new InvalidSettingsException(
                variableFor(key) + " must be set when " + because + " is set"));
    }

    private static int integer(Config app, String key, int fallback) {
        Optional<String> value = text(app, key);
        try {
            return value.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException(variableFor(key) + " must be a whole number, was '" + value.get() + "'", e);
        }
    }

    private static String variableFor(String key) {
        return ENVIRONMENT.entrySet().stream()
                .filter(entry -> entry.getValue().equals("voicely." + key))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("voicely." + key);
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
