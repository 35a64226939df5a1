package il.co.voicely.app.dashboard;

import il.co.voicely.app.testing.SystemChromium;
import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.demo.DemoSeeder;
import il.co.voicely.core.identity.PasswordHasher;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo school in the system's Chromium at a phone's size: Noa, a seeded student, signs in and sees the
 * numbers the demo's events earned her (12 stars, a 4-day streak, 3 recordings, 92 % accuracy), her first
 * achievement, and a celebration she dismisses. Screenshots go to {@code target/screenshots}.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String NOA = "noa@voicely.local";

    private final TestApp app;
    private final Path profile;
    private final ChromeDriver browser;

    DashboardBrowserTest(TestDatabase db) throws IOException {
        new DemoSeeder(PasswordHasher.defaults(), new SecureRandom()).seedIfEmpty(db.database(), new PrintStream(OutputStream.nullOutputStream()));
        // Demo students are invitations without a password; give Noa one so the test can sign in as her.
        String hash = PasswordHasher.defaults().hash(Students.PASSWORD);
        db.owner().useHandle(h -> h.createUpdate("""
                        update users set password_hash = :hash, password_params = 'argon2id', status = 'active',
                                         email_verified_at = now()
                         where email = :email
                        """)
                .bind("hash", hash).bind("email", NOA).execute());
        this.app = TestApp.start(db.database());
        this.profile = Files.createTempDirectory("voicely-chromium-");
        this.browser = startChromium(profile);
    }

    private static ChromeDriver startChromium(Path profile) {
        return SystemChromium.start(profile);
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
    void aSeededStudentSignsInAndSeesHerRealNumbersAnAchievementAndACelebration() throws IOException {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        browser.get(app.url() + "sign-in?lang=he");
        browser.findElement(By.name("email")).sendKeys(NOA);
        browser.findElement(By.name("password")).sendKeys(Students.PASSWORD);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/dashboard"));

        assertThat(metric("stars")).isEqualTo("12");
        assertThat(metric("streak")).isEqualTo("4");
        assertThat(metric("recordings")).isEqualTo("3");
        assertThat(metric("accuracy")).isEqualTo("92");
        assertThat(browser.findElements(By.cssSelector("[data-metric=accuracy] svg.sparkline polyline"))).hasSize(1);
        String first = browser.findElement(By.cssSelector(".celebration")).getDomAttribute("data-celebration");
        screenshot("dashboard-he.png");

        browser.findElement(By.cssSelector(".celebration button[type=submit]")).click();
        By dismissed = By.cssSelector("[data-celebration='" + first + "']");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(dismissed).isEmpty());
        assertThat(browser.getCurrentUrl()).as("dismissed in place by htmx").contains("/dashboard");
        browser.navigate().refresh();
        assertThat(browser.findElements(dismissed)).as("seen once, never again").isEmpty();

        browser.get(app.url() + "dashboard?lang=en");
        assertThat(browser.findElement(By.cssSelector("[data-metric=range] .metric-value")).getText()).isEqualTo("F3 – D5");
        screenshot("dashboard-en.png");

        browser.get(app.url() + "achievements?lang=he");
        assertThat(browser.findElement(By.cssSelector("[data-grid=earned] [data-code='lessons.first'] .achievement-title")).getText())
                .isEqualTo("שיעור ראשון");
        screenshot("achievements-he.png");
        browser.get(app.url() + "achievements?lang=en");
        screenshot("achievements-en.png");

        browser.get(app.url() + "progress?lang=he");
        // Chart.js under the strict CSP: the module found the library and drew every chart.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return !!window.Chart && [...document.querySelectorAll('canvas[data-chart]')].every(c => !!window.Chart.getChart(c))")));
        assertThat(browser.findElements(By.cssSelector("[data-table=accuracy] tbody tr"))).hasSize(3);
        screenshot("progress-he.png");
        browser.get(app.url() + "progress?lang=en");
        screenshot("progress-en.png");

        browser.get(app.url() + "leaderboard?lang=he");
        assertThat(browser.findElements(By.cssSelector(".standing.you"))).hasSize(1);
        screenshot("leaderboard-he.png");
        browser.get(app.url() + "leaderboard?lang=en");
        screenshot("leaderboard-en.png");
    }

    private String metric(String name) {
        return browser.findElement(By.cssSelector("[data-metric=" + name + "] .metric-value")).getDomAttribute("data-value");
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
