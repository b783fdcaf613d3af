package nl.programmes.platform.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Debian's headless chromium, driven through Debian's chromedriver: never a downloaded browser. The flags
 * keep chromium off the network (this machine has none) and out of the sandbox it cannot have as root.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    public Browser(String base) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver packages ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "). `bash .ci/run` installs them with apt-get.");
        }
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--window-size=1280,900", "--lang=nl-NL", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        this.base = base;
    }

    /** Runs the checks with the page laid out as printed (CSS print media), as on screen again afterwards. */
    public void asPrinted(Runnable checks) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            checks.run();
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
    }

    /** The page printed as PDF, as chromium prints it. */
    public byte[] printed() {
        return java.util.Base64.getDecoder().decode(((ChromeDriver) driver).print(new org.openqa.selenium.print.PrintOptions()).getContent());
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public WebElement find(By by) {
        return waitFor(d -> d.findElement(by));
    }

    public Browser type(String id, String text) {
        WebElement input = find(By.id(id));
        input.clear();
        input.sendKeys(text);
        return this;
    }

    public Browser choose(String id, String value) {
        new Select(find(By.id(id))).selectByValue(value);
        return this;
    }

    public Browser tick(String name) {
        WebElement box = find(By.name(name));
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    /** Clicks and waits until the page it leads to has replaced this one. */
    public Browser submit(By button) {
        WebElement old = find(By.tagName("main"));
        find(button).click();
        waitFor(d -> isStale(old) ? Boolean.TRUE : null);
        return this;
    }

    public String text() {
        return waitFor(d -> d.findElement(By.tagName("main")).getText());
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Reloads until the page shows what it should: the overview is eventually consistent by design. */
    public Browser reloadUntil(Function<String, Boolean> shows) {
        new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class).until(d -> {
            if (shows.apply(text())) {
                return true;
            }
            d.navigate().refresh();
            return null;
        });
        return this;
    }

    /** Waits for a condition; htmx swaps replace elements, so a stale element just means "look again". */
    public <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** Brings an element into the viewport, so a screenshot shows it. */
    public Browser scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", element);
        return this;
    }

    /**
     * A picture of the page for the docs, not a check: when chromium's renderer stalls past chromedriver's 10 s for it
     * (seen once in CI on a busy host, in the middle of a journey that was passing), it is tried once more, then left out.
     */
    public void screenshot(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            File shot;
            try {
                shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            } catch (org.openqa.selenium.TimeoutException stalled) {
                try {
                    shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
                } catch (org.openqa.selenium.TimeoutException again) {
                    System.err.println("Screenshot " + name + " left out: the renderer did not answer (" + again.getRawMessage() + ")");
                    return;
                }
            }
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            // Asked while the next page replaces the document, chromedriver 156 sometimes answers this instead of "stale".
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
