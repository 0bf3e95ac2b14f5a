package org.openpetition.system;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless Chromium driven through its ChromeDriver, with a profile of its
 * own (its own cookies, so each person signs in separately). Checks a page with axe-core for WCAG 2.1 A and
 * AA violations, and saves screenshots and page sources under target/.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("portal.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("portal.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    static final Path FAILURES = Path.of("target", "portal-failures");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    Browser(String base) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("portal-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags the machine needs: no sandbox as root, and none of Chromium's own network traffic
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=zh-CN");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh,en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser open(String path) {
        driver.get(path.startsWith("http") ? path : base + path);
        return this;
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    WebElement find(String css) {
        return waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The text of the element, read again if the page changed under it (a form sent, a fragment swapped). */
    String text(String css) {
        return waitUntil(d -> d.findElement(By.cssSelector(css)).getText().strip());
    }

    Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    Browser click(String css) {
        waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        return this;
    }

    /** Chooses an option by value; waits for the option first (the locality picker loads them with htmx). */
    Browser choose(String css, String value) {
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css + " option[value='" + value + "']")));
        new Select(find(css)).selectByValue(value);
        return this;
    }

    <T> T waitUntil(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        // a page that is being replaced (a form sent, htmx swapping a fragment) leaves stale elements: look again
        return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** The WCAG 2.1 A and AA violations axe-core finds on the page, as readable lines (empty: none). */
    List<String> accessibilityViolations() {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        return results.getViolations().stream().map(Browser::describe).collect(Collectors.toList());
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5).collect(Collectors.joining(", "));
    }

    /** A screenshot of the page for docs/portal.md (target/portal-screenshots/NAME.png); a phone-sized one when asked. */
    void screenshot(String name, boolean phone) {
        Dimension size = driver.manage().window().getSize();
        try {
            if (phone) {
                driver.manage().window().setSize(new Dimension(390, 844));
            }
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /** After a failure: the screenshot and the page source, under target/portal-failures/. */
    void saveForDiagnosis(String name) {
        try {
            Files.createDirectories(FAILURES);
            Files.write(FAILURES.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(FAILURES.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not save the page of " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind
            }
        }
    }
}
