package il.co.voicely.app.auth;

import il.co.voicely.app.testing.SystemChromium;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import il.co.voicely.app.TestApp;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.mail.SmtpSettings;
import il.co.voicely.core.testing.PostgresExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A new student's whole first visit in Chromium at a phone's size, with the verification mail read from a
 * real SMTP server (GreenMail). Screenshots go to {@code target/screenshots}.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountFlowBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern VERIFY_LINK = Pattern.compile("/verify-email\\?token=[A-Za-z0-9_-]+");

    private final GreenMail mail;
    private final TestApp app;
    private final Path profile;
    private final ChromeDriver browser;

    AccountFlowBrowserTest(Database database) throws IOException {
        this.mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        this.app = TestApp.start(database, settings -> settings.withSmtp(
                SmtpSettings.of("127.0.0.1", mail.getSmtp().getPort(), "Voicely <no-reply@voicely.test>")));
        this.profile = Files.createTempDirectory("voicely-chromium-");
        this.browser = startChromium(profile);
    }

    private static ChromeDriver startChromium(Path profile) {
        ChromeDriver driver = SystemChromium.start(profile);
        // A click that submits a form returns before the next page is there; look-ups wait for it.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    @AfterAll
    void stop() throws IOException {
        try {
            browser.quit();
        } finally {
            app.close();
            mail.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void phoneScreen() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    @Test
    @Order(1)
    void theSignInPageInBothLanguages() throws IOException {
        browser.get(app.url() + "sign-in?lang=he");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        screenshot("sign-in-he.png");

        browser.findElement(By.id("email")).sendKeys("nobody@example.com");
        browser.findElement(By.id("password")).sendKeys("not the password");
        browser.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector(".form-error")).getText()).isEqualTo("האימייל או הסיסמה שגויים.");
        assertThat(browser.findElement(By.id("email")).getDomProperty("value")).isEqualTo("nobody@example.com");
        assertThat(browser.findElement(By.id("password")).getDomProperty("value")).isEmpty();
        screenshot("sign-in-he-error.png");

        browser.get(app.url() + "sign-in?lang=en");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("ltr");
        screenshot("sign-in-en.png");
        browser.get(app.url() + "sign-up?lang=he");
        screenshot("sign-up-he.png");
    }

    @Test
    @Order(2)
    void aStudentSignsUpVerifiesSignsInChangesLanguageAndSignsOut() throws Exception {
        browser.get(app.url() + "sign-up?lang=he");
        browser.findElement(By.id("displayName")).sendKeys("Dana Levi");
        browser.findElement(By.id("email")).sendKeys("dana@example.com");
        browser.findElement(By.id("password")).sendKeys("my voice grows every week");
        browser.findElement(By.name("consent")).click();
        browser.findElement(By.cssSelector("form[action='/sign-up'] button[type=submit]")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("בדקו את תיבת הדואר");

        assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("dana@example.com");
        Matcher link = VERIFY_LINK.matcher(text(message));
        assertThat(link.find()).isTrue();
        browser.get(app.url() + link.group().substring(1));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("כתובת האימייל אושרה");

        browser.get(app.url() + "sign-in");
        browser.findElement(By.id("email")).sendKeys("dana@example.com");
        browser.findElement(By.id("password")).sendKeys("my voice grows every week");
        browser.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/dashboard"));
        assertThat(browser.findElement(By.cssSelector("h1.greeting")).getText()).isEqualTo("שלום, Dana Levi");
        assertThat(browser.findElement(By.cssSelector(".dashboard .eyebrow")).getText()).isEqualTo("תלמיד/ה");
        screenshot("dashboard-he.png");

        browser.findElement(By.cssSelector(".header-actions a[href='/settings']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/settings"));
        assertThat(browser.findElements(By.cssSelector(".session"))).hasSize(1);
        screenshot("settings-he.png");
        fullPageScreenshot("settings-he-full.png");

        browser.findElement(By.cssSelector("input[name=lang][value=en]")).click();
        browser.findElement(By.cssSelector("form[action='/settings/language'] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("saved=language"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("ltr");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Settings");
        screenshot("settings-en.png");
        fullPageScreenshot("settings-en-full.png");

        browser.findElement(By.cssSelector(".header-actions form[action='/sign-out'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(app.url()));
        assertThat(browser.findElement(By.cssSelector(".header-actions a[href='/sign-in']")).isDisplayed()).isTrue();
        browser.get(app.url() + "dashboard");
        assertThat(browser.getCurrentUrl()).contains("/sign-in?next=%2Fdashboard");
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            BodyPart first = multipart.getBodyPart(0);
            return first.getContent().toString();
        }
        return content.toString();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private void fullPageScreenshot(String name) throws IOException {
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", Math.min(height, 4000), "deviceScaleFactor", 1, "mobile", true));
        screenshot(name);
        phoneScreen();
    }
}
