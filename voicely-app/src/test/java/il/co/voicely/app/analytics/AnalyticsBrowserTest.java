package il.co.voicely.app.analytics;

import il.co.voicely.app.testing.SystemChromium;
import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An admin on a phone in the system's Chromium: every tab, its charts, a new date range; screenshots for people. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final TestDatabase db;
    private final TestApp app;
    private final Path profile;
    private final ChromeDriver browser;
    private final WebDriverWait wait;

    AnalyticsBrowserTest(TestDatabase db) throws IOException {
        this.db = db;
        this.app = TestApp.start(db.database());
        this.profile = Files.createTempDirectory("voicely-chromium-");
        this.browser = startChromium(profile);
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        seedActivity();
    }

    private static ChromeDriver startChromium(Path profile) {
        ChromeDriver driver = SystemChromium.start(profile);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        return driver;
    }

    /** Sign-ins and searches over the last weeks, so the charts have lines to draw. */
    private void seedActivity() {
        db.owner().useHandle(h -> h.execute("""
                insert into analytics_events (name, properties, occurred_at)
                select 'signin', '{"method":"password"}', now() - (n % 40) * interval '1 day' from generate_series(1, 120) n;
                insert into analytics_events (name, properties, occurred_at)
                select 'page_view', jsonb_build_object('path', (array['/', '/dashboard', '/lessons'])[1 + n % 3]), now() - (n % 30) * interval '1 day'
                  from generate_series(1, 90) n;
                insert into search_history (query, result_count, occurred_at)
                select (array['נשימה', 'ויברטו', 'breathing'])[1 + n % 3], n % 4, now() - (n % 25) * interval '1 day' from generate_series(1, 60) n
                """));
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

    private void signInAsAdmin(String lang) {
        String email = Accounts.create(db.database(), Role.ADMIN);
        browser.manage().deleteAllCookies();
        browser.get(app.url() + "sign-in?lang=" + lang + "&next=/admin/analytics");
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(Accounts.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/admin/analytics"));
    }

    private void awaitCharts() {
        wait.until(d -> !d.findElements(By.cssSelector("[data-charts-ready=true]")).isEmpty());
    }

    @Test
    void anAdminOpensEveryTabOnAPhoneAndChangesTheDateRange() throws IOException {
        signInAsAdmin("he");
        awaitCharts();
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        screenshot("analytics-overview-he.png");

        List<String> tabs = browser.findElements(By.cssSelector(".analytics-tab")).stream()
                .map(tab -> tab.getDomAttribute("href").replaceAll("\\?.*", "")).toList();
        assertThat(tabs).hasSize(6);
        for (String href : tabs) {
            WebElement link = browser.findElement(By.cssSelector(".analytics-tab[href^='" + href + "']"));
            String label = link.getDomProperty("textContent").strip();
            // The tab strip scrolls sideways on a phone: bring the tab into view as a person would.
            ((JavascriptExecutor) browser).executeScript(
                    "window.scrollTo(0, 0); arguments[0].scrollIntoView({inline: 'center', block: 'nearest'})", link);
            WebElement before = browser.findElement(By.cssSelector(".analytics-panel"));
            link.click();
            wait.until(ExpectedConditions.stalenessOf(before));
            wait.until(ExpectedConditions.textToBe(By.id("analytics-tab-heading"), label));
            awaitCharts();
            assertThat(browser.findElements(By.cssSelector(".kpi"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("canvas"))).allSatisfy(c -> assertThat(c.getSize().getHeight()).isGreaterThan(100));
            if (href.endsWith("/overview")) {
                screenshotAt("canvas", "analytics-overview-chart-he.png");
            }
        }
        assertThat(browser.getCurrentUrl()).contains("/admin/analytics/ai");
        screenshot("analytics-ai-he.png");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jerusalem"));
        setDate("analytics-from", today.minusDays(6));
        setDate("analytics-to", today);
        WebElement before = browser.findElement(By.cssSelector(".analytics-panel"));
        browser.findElement(By.cssSelector(".analytics-range button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".analytics-compare"), today.minusDays(13).toString()));
        awaitCharts();
        assertThat(browser.getCurrentUrl()).contains("from=" + today.minusDays(6));
        assertThat(browser.findElements(By.cssSelector(".data-table tbody tr")).size()).isGreaterThanOrEqualTo(7);
        screenshot("analytics-ai-week-he.png");
    }

    @Test
    void anAdminDownloadsAnExportFromTheAnalyticsPage() throws IOException {
        Path downloads = Files.createTempDirectory(profile, "downloads-");
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        signInAsAdmin("he");

        // Signing in ends with a redirect to the analytics page; wait until it is the page in the browser.
        WebElement csv = wait.until(d -> d.findElements(By.cssSelector("a[href='/admin/export/leads.csv']")).stream()
                .findFirst().orElse(null));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", csv);
        screenshot("analytics-export-he.png", false);
        csv.click();

        wait.until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.anyMatch(f -> f.getFileName().toString().matches("voicely-leads-\\d{4}-\\d{2}-\\d{2}\\.csv"));
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Test
    void inEnglishTheLessonsTabReadsLeftToRight() throws IOException {
        signInAsAdmin("en");
        browser.get(app.url() + "admin/analytics/students?lang=en");
        awaitCharts();

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("ltr");
        assertThat(browser.findElement(By.id("analytics-tab-heading")).getText()).isEqualTo("Students");
        screenshot("analytics-students-en.png");
        browser.get(app.url() + "admin/analytics?lang=he");
    }

    private void screenshotAt(String selector, String name) throws IOException {
        ((JavascriptExecutor) browser).executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'start'})", selector);
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, date.toString());
    }

    private void screenshot(String name) throws IOException {
        screenshot(name, true);
    }

    private void screenshot(String name, boolean fromTop) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        if (fromTop) {
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        }
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
