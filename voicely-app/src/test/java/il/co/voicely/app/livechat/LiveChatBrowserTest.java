package il.co.voicely.app.livechat;

import il.co.voicely.app.testing.SystemChromium;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import il.co.voicely.app.TestApp;
import il.co.voicely.core.chat.QuickReplies;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.db.SessionContext;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two people in two browsers: a visitor on another site that embeds the widget, and a teacher in the
 * console. Screenshots at phone width in {@code target/screenshots}.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveChatBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final TestDatabase db;
    private final TestApp app;
    private final HttpServer site;
    private final List<Path> profiles = new java.util.ArrayList<>();
    private final ChromeDriver visitor;
    private final ChromeDriver agent;

    LiveChatBrowserTest(TestDatabase db) throws IOException {
        this.db = db;
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // The school's site: another origin (localhost vs 127.0.0.1, another port) serving one page with the tag.
        this.site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String appUrl = "http://127.0.0.1:" + port;
        String sitePage = """
                <!DOCTYPE html><html lang="he" dir="rtl"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>School</title>
                <style>body { font-family: sans-serif; color: red; } button { background: lime; }</style></head>
                <body><h1>Voice school</h1><p>Our lessons.</p>
                <script src="%s/chat-embed.js" data-lang="he" data-color="#3f1d73" async></script></body></html>
                """.formatted(appUrl);
        site.createContext("/", exchange -> {
            byte[] body = sitePage.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        String siteOrigin = "http://localhost:" + site.getAddress().getPort();
        this.app = TestApp.start(db.database(), s -> s.withPort(port).withWidgetOrigins(List.of(siteOrigin, appUrl)));
        this.visitor = chromium();
        this.agent = chromium();
    }

    private ChromeDriver chromium() throws IOException {
        Path profile = Files.createTempDirectory("voicely-chromium-");
        profiles.add(profile);
        return SystemChromium.start(profile, "--autoplay-policy=no-user-gesture-required");
    }

    @AfterAll
    void stop() throws IOException {
        try {
            visitor.quit();
            agent.quit();
        } finally {
            app.close();
            site.stop(0);
            for (Path profile : profiles) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    @Test
    void aVisitorOnAnotherSiteAsksForAPersonAndATeacherAnswersLiveWithAQuickReply() throws IOException {
        TestPeople.Person teacher = TestPeople.create(db.database(), Role.TEACHER);
        new QuickReplies(db.database()).create(SessionContext.user(teacher.id(), Role.TEACHER), "trial-" + System.nanoTime() % 10000,
                "Trial", "Hi {{first_name|there}}, a trial lesson is free: pick a time at /lessons", "he");
        signIn(teacher);
        agent.get(app.url() + "live-chat?lang=he");
        waitFor(agent, () -> !agent.findElements(By.id("lc-list")).isEmpty());

        visitor.get("http://localhost:" + site.getAddress().getPort() + "/");
        SearchContext widget = waitFor(visitor, () -> shadow());
        widget.findElement(By.cssSelector(".launcher")).click();
        WebElement input = widget.findElement(By.cssSelector("textarea"));
        input.sendKeys("שלום, כמה עולה שיעור?");
        widget.findElement(By.cssSelector("button.send")).click();
        WebElement offer = waitFor(visitor, () -> widget.findElements(By.cssSelector(".log .quick button.chip")).stream().findFirst().orElse(null));
        assertThat(widget.findElements(By.cssSelector(".msg.bot"))).hasSize(1);
        offer.click();
        waitFor(visitor, () -> "pending".equals(widget.findElement(By.cssSelector("[data-state]")).getDomAttribute("data-state")));
        input.sendKeys("אני מחכה");
        widget.findElement(By.cssSelector("button.send")).click();

        WebElement waiting = waitFor(agent, () -> agent.findElements(By.cssSelector(".lc-item[data-state='pending']")).stream().findFirst().orElse(null));
        press(agent, waiting);
        waitFor(agent, () -> agent.findElements(By.cssSelector(".lc-msg.lc-visitor")).size() == 2);
        press(agent, agent.findElement(By.id("lc-take")));
        waitFor(agent, () -> "open".equals(agent.findElement(By.id("lc-state")).getDomAttribute("data-state")));
        press(agent, agent.findElement(By.cssSelector("#lc-quick [data-shortcut]")));
        waitFor(agent, () -> agent.findElement(By.id("lc-input")).getDomProperty("value").startsWith("Hi there"));
        press(agent, agent.findElement(By.cssSelector("#lc-form button[type=submit]")));

        WebElement answer = waitFor(visitor, () -> widget.findElements(By.cssSelector(".msg.agent")).stream().findFirst().orElse(null));
        assertThat(answer.getText()).contains("a trial lesson is free");
        assertThat(widget.findElements(By.cssSelector(".msg.bot"))).as("the bot stayed silent after the handoff").hasSize(1);
        screenshot(visitor, "livechat-widget-he.png");

        press(agent, agent.findElement(By.id("lc-resolve")));
        waitFor(agent, () -> "resolved".equals(agent.findElement(By.id("lc-state")).getDomAttribute("data-state")));
        waitFor(visitor, () -> "resolved".equals(widget.findElement(By.cssSelector("[data-state]")).getDomAttribute("data-state")));
        screenshot(agent, "livechat-console-he.png");
        screenshot(visitor, "livechat-widget-resolved-he.png");
    }

    private void signIn(TestPeople.Person person) {
        agent.get(app.url() + "sign-in?lang=he");
        agent.findElement(By.name("email")).sendKeys(person.email());
        agent.findElement(By.name("password")).sendKeys(TestPeople.PASSWORD);
        agent.findElement(By.cssSelector("form button[type=submit].primary")).click();
        waitFor(agent, () -> !agent.getCurrentUrl().contains("/sign-in"));
    }

    // The site header is sticky: bring the control to the middle of the screen, as a person scrolling would.
    private static void press(ChromeDriver browser, WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private SearchContext shadow() {
        List<WebElement> hosts = visitor.findElements(By.cssSelector("[data-voicely-chat]"));
        return hosts.isEmpty() ? null : hosts.get(0).getShadowRoot();
    }

    private static <T> T waitFor(ChromeDriver browser, java.util.function.Supplier<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(RuntimeException.class).until(b -> {
            T value = condition.get();
            return Boolean.FALSE.equals(value) ? null : value;
        });
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
