package il.co.voicely.app.home;

import il.co.voicely.app.testing.SystemChromium;
import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.testing.PostgresExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The home page in the system's Chromium at a phone's size, with screenshots in
 * {@code target/screenshots} for a person to look at.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomePageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final TestApp app;
    private final Path profile;
    private final ChromeDriver browser;

    HomePageBrowserTest(Database database) throws IOException {
        assertThat(CHROMIUM).as("Chromium (apt-get install chromium)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install chromium-driver)").isExecutable();
        this.app = TestApp.start(database);
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

    @BeforeEach
    void phoneScreen() {
        viewport(390, 844, true);
    }

    @Test
    void onAPhoneTheHomePageIsHebrewRightToLeftWithTheBottomNavigationInView() throws IOException {
        browser.get(app.url() + "?lang=he");

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.getTitle()).isEqualTo("Voicely — בית ספר לקול");
        List<WebElement> links = navigationLinks();
        assertThat(links).hasSize(5).allSatisfy(link -> assertThat(link.isDisplayed()).isTrue());
        assertThat(links).extracting(WebElement::getText).containsExactly("בית", "שיעורים", "הקלטות", "צ'אט", "הישגים");
        assertNavigationSitsAtTheBottomOfTheScreen();
        // Right to left: the first destination (home) is the rightmost.
        assertThat(links.getFirst().getRect().getX()).isGreaterThan(links.getLast().getRect().getX());
        screenshot("home-he.png");
    }

    @Test
    void inEnglishTheHomePageIsLeftToRightWithHomeOnTheLeft() throws IOException {
        browser.get(app.url() + "?lang=en");

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("ltr");
        assertThat(browser.getTitle()).isEqualTo("Voicely — voice school");
        List<WebElement> links = navigationLinks();
        assertThat(links).extracting(WebElement::getText).containsExactly("Home", "Lessons", "Recordings", "Chat", "Achievements");
        assertThat(links.getFirst().getRect().getX()).isLessThan(links.getLast().getRect().getX());
        screenshot("home-en.png");
        browser.manage().deleteAllCookies();
    }

    @Test
    void theLastContentScrollsClearOfTheFixedNavigation() throws IOException {
        browser.get(app.url() + "?lang=he");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, document.body.scrollHeight)");

        Rectangle lastStep = browser.findElement(By.cssSelector(".steps li:last-child")).getRect();
        Rectangle nav = browser.findElement(By.cssSelector("nav.bottom-nav")).getRect();

        assertThat(lastStep.getY() + lastStep.getHeight()).isLessThanOrEqualTo(nav.getY());
        screenshot("home-he-end.png");
    }

    @Test
    void onADesktopTheNavigationSitsUnderTheHeader() throws IOException {
        viewport(1280, 900, false);
        browser.get(app.url() + "?lang=he");

        Rectangle header = browser.findElement(By.cssSelector(".site-header")).getRect();
        Rectangle nav = browser.findElement(By.cssSelector("nav.bottom-nav")).getRect();
        assertThat(nav.getY()).isEqualTo(header.getY() + header.getHeight());
        screenshot("home-he-desktop.png");
    }

    /** The page's viewport in CSS pixels; a window cannot be made narrower than 500 pixels, a viewport can. */
    private void viewport(int width, int height, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private List<WebElement> navigationLinks() {
        return browser.findElements(By.cssSelector("nav.bottom-nav a"));
    }

    private void assertNavigationSitsAtTheBottomOfTheScreen() {
        Rectangle nav = browser.findElement(By.cssSelector("nav.bottom-nav")).getRect();
        long viewportHeight = ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerHeight")).longValue();
        assertThat(nav.getY() + nav.getHeight()).isEqualTo(viewportHeight);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
