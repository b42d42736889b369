package org.haven.deploy.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven by its own chromedriver: both paths are given, so Selenium Manager never
 * downloads a browser or a driver. A fresh profile per browser (no cookies or language carried over), and
 * screenshots under {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final URI base;
    private final Path profile;
    private final String name;

    private Browser(ChromeDriver driver, URI base, Path profile, String name) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
        this.name = name;
    }

    /** @param name prefix of this browser's screenshots */
    static Browser open(URI base, String name) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromedriver: "
                    + "apt-get install -y --no-install-recommends chromium chromium-driver (.ci/run does this)");
        }
        try {
            Path profile = Files.createTempDirectory("haven-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
                    "--disable-sync", "--user-data-dir=" + profile, "--lang=en-US", "--window-size=1366,900");
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            Files.createDirectories(SCREENSHOTS);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .withLogFile(Path.of("target", "chromedriver.log").toFile())
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, base, profile, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(base.resolve(path).toString());
    }

    /** Signs in on the sign-in page, then waits until the header names who is signed in. */
    void signIn(String username, String password) {
        go("/signin");
        waitFor(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        click(By.cssSelector("form[data-action=sign-in] button[type=submit]"));
        waitFor(By.id("signed-in-as"));
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * The text of the visible element {@code locator} finds. Pages re-render when their data arrives, so an element
     * found a moment ago may have been replaced: it is then looked up again.
     */
    String text(By locator) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement element = ExpectedConditions.visibilityOfElementLocated(locator).apply(d);
                    return element == null ? null : element.getText();
                });
    }

    <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** Waits until the page's live feed (the notification stream) is connected. */
    void awaitLive() {
        waitUntil(WAIT, d -> d.findElements(By.cssSelector(".live[data-live=open]")).isEmpty() ? null : true);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(By locator) {
        click(waitFor(locator));
    }

    /** Scrolls the element to the middle first, so that a toast in a corner never takes the click. */
    void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Sets a field's value (date inputs take ISO values this way, whatever the browser's locale; selects their option value). */
    void fill(String formAction, String field, String value) {
        WebElement input = driver.findElement(By.cssSelector("form[data-action='" + formAction + "'] [name='" + field + "']"));
        script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, value);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** target/screenshots/<browser name>-<step>.png, of the viewport. */
    Path screenshot(String step) {
        Path target = SCREENSHOTS.resolve(name + "-" + step + ".png");
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #screenshot}, of the whole page: the window is made as tall as the page for the shot. */
    Path fullPageScreenshot(String step) {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
        resize(before.getWidth(), (int) Math.min(8000, height + 120));
        try {
            return screenshot(step);
        } finally {
            resize(before.getWidth(), before.getHeight());
        }
    }

    /** What the page wrote to the console since the last call (errors, CSP violations, failed requests). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }
}
