package il.co.voicely.app.recordings;

import il.co.voicely.app.testing.SystemChromium;
import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.app.WebClient;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.testing.PostgresExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Recording in the system's Chromium with its fake microphone playing a generated, in-tune C major scale:
 * record, stop, upload, and read the analysis; screenshots at a phone's width in both languages.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final TestApp app;
    private final RecordingPeople people;
    private final Path profile;
    private final Path microphone;
    private final ChromeDriver browser;

    RecordingBrowserTest(Database database) throws Exception {
        assertThat(CHROMIUM).as("Chromium (apt-get install chromium)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install chromium-driver)").isExecutable();
        this.app = TestApp.start(database);
        this.people = new RecordingPeople(database, app.url());
        Files.createDirectories(RecordingPeople.tempDir());
        this.microphone = Scales.inTune(RecordingPeople.tempDir(), RecordingsWebTest.C_MAJOR, 0.7).toAbsolutePath();
        this.profile = Files.createTempDirectory("voicely-chromium-");
        this.browser = startChromium(profile, microphone);
    }

    private static ChromeDriver startChromium(Path profile, Path microphone) {
        return SystemChromium.start(profile, "--autoplay-policy=no-user-gesture-required",
                // The microphone: permission granted without a prompt, fed from the generated scale.
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + microphone);
    }

    @AfterAll
    void stop() throws IOException {
        try {
            browser.quit();
        } finally {
            app.close();
            Files.deleteIfExists(microphone);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aStudentRecordsAScaleWithTheMicrophoneAndReadsTheAnalysis() throws Exception {
        WebClient student = app.client();
        assertThat(student.signIn(people.create(Role.STUDENT), RecordingPeople.PASSWORD).statusCode()).isEqualTo(303);
        viewport(390, 844);
        browser.get(app.url() + "recordings?lang=en");
        browser.manage().addCookie(new Cookie("voicely_session", student.cookie("voicely_session").orElseThrow()));
        browser.get(app.url() + "recordings?lang=en");

        new Select(browser.findElement(By.id("exercise"))).selectByVisibleText("C major scale");
        assertThat(browser.findElement(By.id("exercise-notes")).getText()).isEqualTo("C4 D4 E4 F4 G4 A4 B4 C5");
        browser.findElement(By.id("record-start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("record-status")).getText().startsWith("Recording"));
        Thread.sleep(2500);
        assertThat(browser.findElement(By.id("record-timer")).getText()).isNotEqualTo("0:00");
        screenshot("recordings-recording-en.png");
        Thread.sleep(3500);
        browser.findElement(By.id("record-stop")).click();

        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().matches(".*/recordings/[0-9a-f-]{36}$"));
        new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(500))
                .until(d -> !d.findElements(By.id("analysis-range")).isEmpty());
        // The note ranges are wrapped in Unicode isolates, so they keep their order inside Hebrew sentences.
        assertThat(browser.findElement(By.id("analysis-range")).getText().replaceAll("[\u2068\u2069]", ""))
                .isEqualTo("Your range today: C4–C5 (Do4–Do5)");
        assertThat(browser.findElement(By.id("analysis-accuracy")).getText()).startsWith("You were within 20 cents on");
        assertThat(browser.findElements(By.cssSelector(".pitch-curve rect.target"))).hasSize(8);
        fullPageScreenshot("recording-analysis-en.png");

        String page = browser.getCurrentUrl();
        browser.get(page + "?lang=he");
        assertThat(browser.findElement(By.id("analysis-range")).getText().replaceAll("[\u2068\u2069]", ""))
                .isEqualTo("המנעד שלך היום: C4–C5 (דו4–דו5)");
        fullPageScreenshot("recording-analysis-he.png");
        browser.get(app.url() + "recordings?lang=he");
        fullPageScreenshot("recordings-he.png");
        browser.get(app.url() + "recordings?lang=en");
        fullPageScreenshot("recordings-en.png");
    }

    private void viewport(int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    private void fullPageScreenshot(String name) throws IOException {
        long height = ((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight")).longValue();
        viewport(390, (int) Math.max(844, height));
        screenshot(name);
        viewport(390, 844);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
