package il.co.voicely.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One "browser" without a screen: a cookie jar, no redirects followed, and the anti-forgery token taken
 * from the last page it read.
 *
 * <pre>{@code
 * WebClient browser = app.client();
 * browser.get("/sign-in");
 * HttpResponse<String> signedIn = browser.post("/sign-in", "email", "a@b.c", "password", "…");  // adds _csrf
 * }</pre>
 */
public final class WebClient {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final String ip;
    private String csrf = "";
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    WebClient(String baseUrl, String ip) {
        this.base = URI.create(baseUrl);
        this.ip = ip;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** GETs a page and remembers its anti-forgery token. */
    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpResponse<String> response = send(request(pathAndQuery, headers).GET());
        Matcher m = CSRF_META.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** POSTs a form with the remembered anti-forgery token added; {@code fields} are name, value pairs. */
    public HttpResponse<String> post(String path, String... fields) {
        Map<String, String> form = pairs(fields);
        form.putIfAbsent("_csrf", csrf);
        return postRaw(path, form);
    }

    /** POSTs exactly {@code form} (no token added). */
    public HttpResponse<String> postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs JSON with extra headers. */
    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The value of a cookie in the jar. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .filter(v -> !v.isEmpty()).findFirst();
    }

    /** Puts a cookie in the jar, as an attacker planting one would. */
    public void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setDomain(base.getHost()); // as the jar stores the server's cookies, so this one is replaced, not doubled
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    /** Sends {@code name: value} with every later request. */
    public WebClient header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    /** The client address this client claims through the trusted loopback proxy. */
    public String ip() {
        return ip;
    }

    /** The anti-forgery token of the last page read. */
    public String csrf() {
        return csrf;
    }

    /** Signs in through the form; returns the response (303 to the dashboard when it worked). */
    public HttpResponse<String> signIn(String email, String password) {
        get("/sign-in");
        return post("/sign-in", "email", email, "password", password);
    }

    private HttpRequest.Builder request(String pathAndQuery, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", ip);
        extraHeaders.forEach(builder::header);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> pairs(String... fields) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put(fields[i], fields[i + 1]);
        }
        return map;
    }
}
