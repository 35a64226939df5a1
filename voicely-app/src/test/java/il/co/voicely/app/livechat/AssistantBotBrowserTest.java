package il.co.voicely.app.livechat;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.demo.DemoSite;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
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
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A visitor on the chat page asks about a trial lesson and reads the site's answer; phone-width screenshots. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistantBotBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final TestApp app;
    private final Path profile;
    private final ChromeDriver browser;

    AssistantBotBrowserTest(TestDatabase db) throws IOException {
        DemoSite.index(db.database());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // As in LiveChatBrowserTest: the app's own address must be an allowed socket origin on a test port.
        String appUrl = "http://127.0.0.1:" + port;
        this.app = TestApp.start(db.database(), s -> s.withPort(port).withWidgetOrigins(List.of(appUrl)));
        System.setProperty("SE_AVOID_STATS", "true");
        this.profile = Files.createTempDirectory("voicely-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=390,844");
        this.browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    void stop() throws IOException {
        try {
            browser.quit();
        } finally {
            app.close();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aVisitorAsksWhatATrialLessonCostsAndReadsTheQuotedPageInHebrewAndEnglish() throws IOException {
        for (String lang : List.of("he", "en")) {
            // A fresh visitor key per language: the widget keeps it in local storage.
            browser.get(app.url() + "chat?lang=" + lang);
            browser.executeScript("localStorage.clear()");
            browser.navigate().refresh();
            SearchContext widget = waitFor(this::shadow);
            WebElement input = waitFor(() -> widget.findElement(By.cssSelector("textarea")));
            input.sendKeys(lang.equals("he") ? "כמה עולה שיעור ניסיון?" : "How much is a trial lesson?");
            waitFor(() -> {
                // The app's bottom navigation is fixed: bring the button to the middle, as a person scrolling would.
                WebElement send = widget.findElement(By.cssSelector("button.send"));
                browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", send);
                send.click();
                return !widget.findElements(By.cssSelector(".msg.visitor")).isEmpty();
            });

            WebElement answer = waitFor(() -> widget.findElements(By.cssSelector(".msg.bot")).stream().findFirst().orElse(null));
            assertThat(answer.getText()).contains("https://voicely.example/" + lang + "/");
            List<WebElement> chips = waitFor(() -> {
                List<WebElement> found = widget.findElements(By.cssSelector(".log .quick button.chip"));
                return found.isEmpty() ? null : found;
            });
            assertThat(chips).extracting(WebElement::getText)
                    .containsExactly(lang.equals("he") ? "קביעת שיעור ניסיון" : "Book a trial lesson");
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", answer);
            screenshot("assistant-answer-" + lang + ".png");
        }
    }

    private SearchContext shadow() {
        List<WebElement> hosts = browser.findElements(By.cssSelector("[data-voicely-chat]"));
        return hosts.isEmpty() ? null : hosts.get(0).getShadowRoot();
    }

    private <T> T waitFor(java.util.function.Supplier<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(RuntimeException.class).until(b -> {
            T value = condition.get();
            return Boolean.FALSE.equals(value) ? null : value;
        });
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
