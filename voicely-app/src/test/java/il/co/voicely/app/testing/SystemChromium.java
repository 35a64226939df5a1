package il.co.voicely.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver for browser tests, at a phone's size. Nothing is downloaded: no Selenium
 * Manager, no stats, and the flags that keep Chromium off the network (this machine has none).
 */
public final class SystemChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private SystemChromium() {
    }

    /**
     * A headless browser with its own profile folder (390×844 window).
     *
     * @param profile    a fresh folder for the user data; the caller deletes it
     * @param extraFlags more Chromium flags, e.g. a fake microphone
     */
    public static ChromeDriver start(Path profile, String... extraFlags) {
        assertThat(CHROMIUM).as("Chromium (apt-get install chromium)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install chromium-driver)").isExecutable();
        System.setProperty("SE_AVOID_STATS", "true");
        List<String> flags = new ArrayList<>(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=390,844"));
        flags.addAll(List.of(extraFlags));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(flags);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // A click that submits a form or follows a redirect returns before the next page is there; on a busy
        // 2-core CI machine look-ups must wait for it rather than race it.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
        return driver;
    }
}
