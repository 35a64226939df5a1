package il.co.voicely.app.lessons;

import il.co.voicely.app.testing.SystemChromium;
import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.app.TestApp;
import il.co.voicely.core.db.Database;
import il.co.voicely.core.db.Role;
import il.co.voicely.core.testing.PostgresExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lesson flow in the system's Chromium at a phone's size: a teacher schedules a weekly group lesson, a
 * student opens the join link (signing in on the way), the teacher marks attendance. Screenshots of the
 * agenda and the lesson page in Hebrew and English land in {@code target/screenshots}.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LessonsBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final TestApp app;
    private final Accounts accounts;
    private final Path profile;
    private final ChromeDriver browser;

    LessonsBrowserTest(Database database) throws IOException {
        this.app = TestApp.start(database);
        this.accounts = new Accounts(database, app);
        this.profile = Files.createTempDirectory("voicely-chromium-");
        this.browser = SystemChromium.start(profile);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
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
    void teacherSchedulesAWeeklyGroupLessonStudentJoinsByLinkTeacherMarksAttendance() throws IOException {
        UUID teacher = accounts.create("Michal Levi", Role.TEACHER);
        UUID student = accounts.create("Noa Cohen", Role.STUDENT);
        LocalDate day = LocalDate.now(LessonsWebTest.ISRAEL).plusDays(2);

        signIn(teacher, "/lessons/new?lang=en");
        browser.findElement(By.id("title")).sendKeys("Juniors choir");
        click(By.cssSelector("input[name=kind][value=group]"));
        setValue("date", day.toString());
        setValue("time", "18:00");
        click(By.cssSelector("input[name=duration][value='60']"));
        click(By.cssSelector("input[name=repeat][value=weekly]"));
        browser.findElement(By.cssSelector("input[name=days][value=" + day.getDayOfWeek().name() + "]")).click();
        setValue("count", "3");
        browser.findElement(By.id("place")).sendKeys("Studio 2");
        browser.findElement(By.id("capacity")).sendKeys("8");
        click(By.cssSelector(".lesson-form button[type=submit]"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("join-url")));
        String lessonUrl = browser.getCurrentUrl();
        String joinUrl = browser.findElement(By.id("join-url")).getDomProperty("value");
        assertThat(joinUrl).contains("/join/");

        signOut();
        browser.get(app.url() + joinUrl.substring(joinUrl.indexOf("join/")));
        waitFor(ExpectedConditions.urlContains("/sign-in"));
        browser.findElement(By.id("email")).sendKeys(accounts.email(student));
        browser.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
        click(By.cssSelector("main button[type=submit]"));
        waitFor(ExpectedConditions.urlContains("/join/"));
        click(By.cssSelector("main form button[type=submit]"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".place-status")));
        assertThat(browser.findElement(By.cssSelector(".place-status")).getText()).isEqualTo("יש לך מקום");
        screenshot("lesson-student-he.png");
        browser.get(browser.getCurrentUrl().replace("?joined=enrolled", "") + "?lang=en");
        assertThat(browser.findElement(By.cssSelector(".place-status")).getText()).isEqualTo("You have a place");
        screenshot("lesson-student-en.png");
        browser.get(app.url() + "lessons?lang=en");
        assertThat(browser.findElements(By.cssSelector(".lesson-line"))).hasSize(1);
        screenshot("lessons-agenda-student-en.png");

        signOut();
        signIn(teacher, "/lessons?lang=he");
        assertThat(browser.findElements(By.cssSelector(".lesson-line"))).hasSizeGreaterThanOrEqualTo(1);
        screenshot("lessons-agenda-teacher-he.png");
        browser.get(lessonUrl);
        click(By.cssSelector(".participant button[value=LATE]"));
        waitFor(ExpectedConditions.attributeToBe(By.cssSelector(".participant button[value=LATE]"), "aria-pressed", "true"));
        assertThat(browser.findElement(By.cssSelector(".participant .badge")).getText()).isEqualTo("איחר/ה");
        screenshot("lesson-teacher-he.png");
        browser.get(lessonUrl + "?lang=en");
        assertThat(browser.findElement(By.cssSelector(".participant .badge")).getText()).isEqualTo("Late");
        screenshot("lesson-teacher-en.png");
        browser.get(app.url() + "lessons/new?lang=en");
        screenshot("lesson-new-en.png");
        browser.get(app.url() + "lessons?view=week&from=" + day + "&lang=he");
        screenshot("lessons-week-he.png");
    }

    private void signIn(UUID user, String next) {
        browser.get(app.url() + "sign-in?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        browser.findElement(By.id("email")).sendKeys(accounts.email(user));
        browser.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
        click(By.cssSelector("main button[type=submit]"));
        waitFor(ExpectedConditions.urlContains(next.substring(0, next.indexOf('?'))));
    }

    private void signOut() {
        click(By.cssSelector("form[action='/sign-out'] button"));
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/lessons")));
    }

    /** Clicks like a person who first scrolled the element above the bottom navigation. */
    private void click(By element) {
        WebElement target = browser.findElement(element);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
        target.click();
    }

    private void setValue(String id, String value) {
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), value);
    }

    private <T> void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
