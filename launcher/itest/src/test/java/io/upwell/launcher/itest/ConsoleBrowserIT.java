package io.upwell.launcher.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A therapist at the web console in a real browser (Debian's headless Chromium through Selenium),
 * against the packaged jar as people run it: logs in through the form, starts static cupping on four
 * simulator cups from the start form, watches the chart's measured pressure rise on every cup, presses
 * the EMERGENCY STOP once and sees every cup vented and the engine latched, in the console and in the
 * engine's own answer; acknowledges the alarm; finds the session in the records with its report. The
 * emergency stop also works with the live stream cut off. Screenshots go to
 * launcher/itest/target/screenshots. Every wait is on a condition, never a sleep.
 */
@Tag("SR-13")
class ConsoleBrowserIT {

    private static final Map<String, String> C_LOCALE = Map.of("LANG", "C", "LC_ALL", "C");
    private static final Pattern CONSOLE_LINE = Pattern.compile("Console: http://127\\.0\\.0\\.1:(\\d+)/console/");
    private static final String THERAPIST = "tess";
    private static final String PASSWORD = "tess's long password";
    private static final String ADMIN_PASSWORD = "the admin's long password";
    private static final int CUPS = 4;
    /** The console's own threshold for "vented" (live.js VENTED_KPA), asked of the engine too. */
    private static final double VENTED_KPA = 1.0;
    /** Bounds for the waits: when the test gives up, not how fast anything must be. */
    private static final Duration STEP = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    private final List<AutoCloseable> started = new ArrayList<>();
    private String base;
    private LaunchedJar shell;
    private HeadlessChromium browser;

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void aTherapistRunsASessionFromTheBrowserAndTheEmergencyStopVentsEveryCup() throws Exception {
        LaunchedJar shell = startEngine();
        this.shell = shell;
        HeadlessChromium browser = startBrowser();
        Path screenshots = HeadlessChromium.screenshotsFolder();
        ChromeDriver driver = browser.driver();
        WebDriverWait wait = new WebDriverWait(driver, STEP);

        // The site's root leads to the console, which asks for a login.
        driver.get(base + "/");
        await(wait, ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertTrue(driver.getCurrentUrl().startsWith(base + "/console/"), driver.getCurrentUrl());
        assertTrue(driver.findElement(By.id("estop")).isDisplayed(), "the emergency stop shows on the login screen too");
        browser.screenshot(screenshots, "console-login");
        logIn(driver, wait);
        await(wait, ExpectedConditions.textToBe(By.id("stream-status"), "live"));

        // The start form, built from static cupping's parameter specs: four cups on the simulator.
        driver.findElement(By.cssSelector("a[data-view=start]")).click();
        await(wait, ExpectedConditions.elementToBeClickable(By.id("start-button")));
        new Select(driver.findElement(By.id("technique"))).selectByValue("static-cupping");
        await(wait, ExpectedConditions.presenceOfElementLocated(By.id("param-holdSeconds")));
        driver.findElement(By.id("client-id")).sendKeys("c-browser");
        for (int cup = 1; cup < CUPS; cup++) {
            driver.findElement(By.id("add-cup")).click();
        }
        List<String> channels = new ArrayList<>();
        for (WebElement select : driver.findElements(By.cssSelector("#cups-form select.cup-channel"))) {
            channels.add(new Select(select).getFirstSelectedOption().getAttribute("value"));
        }
        assertEquals(List.of("0", "1", "2", "3"), channels, "each new cup takes the next free channel");
        driver.findElement(By.id("check-button")).click();
        await(wait, ExpectedConditions.visibilityOfElementLocated(By.id("plan")));
        for (WebElement limit : driver.findElements(By.cssSelector("#cups-form .cup-limit"))) {
            assertTrue(limit.getText().contains("kPa"), "each cup shows its limit after the check: " + limit.getText());
        }
        browser.screenshot(screenshots, "console-start-form");
        driver.findElement(By.id("start-button")).click();

        // The live session: the chart's measured pressure rises on every cup.
        await(wait, ExpectedConditions.attributeToBe(By.id("session-state"), "data-state", "RUNNING"));
        String sessionId = current().get("id").getAsString();
        await(wait, pageSays(measuredRisingOnEveryCup()));
        browser.screenshot(screenshots, "console-running");
        driver.findElement(By.id("intensity-down")).click();
        await(wait, ExpectedConditions.textToBe(By.id("intensity-value"), "90 %"));
        Await.value("the engine's intensity at 90 %", () -> current().get("intensity").getAsInt(),
                intensity -> intensity == 90);

        // One click on the emergency stop: every cup vented, the engine latched, an alarm to acknowledge.
        driver.findElement(By.id("estop")).click();
        await(wait, ExpectedConditions.visibilityOfElementLocated(By.id("latch")));
        await(wait, pageSays(everyCupShownVented(CUPS)));
        assertEngineVentedAndLatched(sessionId, CUPS);
        By waitingAlarm = By.cssSelector("#live-session ~ .alarms tr[data-state=RAISED]");
        await(wait, ExpectedConditions.textToBePresentInElementLocated(waitingAlarm, "emergency stop"));
        assertTrue(driver.findElement(By.id("estop-status")).getText().startsWith("EMERGENCY STOP received"),
                driver.findElement(By.id("estop-status")).getText());
        browser.screenshot(screenshots, "console-emergency-stop");
        // Acknowledge each alarm the stop left, one by one, as a therapist would; the last one clears the latch.
        while (!driver.findElements(waitingAlarm).isEmpty()) {
            WebElement alarm = driver.findElements(waitingAlarm).get(0);
            alarm.findElement(By.cssSelector("button.ack")).click();
            await(wait, ExpectedConditions.stalenessOf(alarm));
        }
        await(wait, ExpectedConditions.invisibilityOfElementLocated(By.id("latch")));
        Await.value("the latch cleared in the engine", () -> health().get("latched").getAsBoolean(), latched -> !latched);

        // The session's record, with its report.
        driver.findElement(By.cssSelector("a[data-view=records]")).click();
        WebElement record = awaitRecord(wait, By.cssSelector("#records-table tr[data-session='" + sessionId + "']"));
        String report = record.findElement(By.cssSelector("a.report")).getAttribute("href");
        assertEquals(base + "/api/records/" + sessionId + "/report", report);
        HttpResponse<String> page = get(report);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        browser.screenshot(screenshots, "console-records");

        assertNoScriptErrors(browser);
        shell.endInput();
        assertEquals(0, shell.awaitExit(), shell.stderr());
    }

    /** The stop is a request of its own: with the live stream blocked it still vents and latches, and says so. */
    @Test
    void theEmergencyStopWorksWhileTheLiveStreamIsDown() throws Exception {
        shell = startEngine();
        HeadlessChromium browser = startBrowser();
        ChromeDriver driver = browser.driver();
        WebDriverWait wait = new WebDriverWait(driver, STEP);
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/stream*")));

        driver.get(base + "/console/");
        await(wait, ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        logIn(driver, wait);
        String sessionId = startTwoCupsOverRest();
        await(wait, pageSays(everyCupShownAs("vacuum", 2)));
        assertTrue(!"live".equals(driver.findElement(By.id("stream-status")).getText()),
                "the stream is blocked: " + driver.findElement(By.id("stream-status")).getText());

        driver.findElement(By.id("estop")).click();
        await(wait, ExpectedConditions.visibilityOfElementLocated(By.id("latch")));
        assertTrue(driver.findElement(By.id("estop-status")).getText().startsWith("EMERGENCY STOP received"),
                driver.findElement(By.id("estop-status")).getText());
        assertEngineVentedAndLatched(sessionId, 2);
        await(wait, pageSays(everyCupShownVented(2)));
        assertNoScriptErrors(browser);
    }

    private LaunchedJar startEngine() throws IOException {
        LaunchedJar shell = LaunchedJar.start(directory.resolve("engine"), C_LOCALE, "--http-port", "0");
        started.add(shell);
        String output = Await.value("the console's address on standard output", STEP, shell::stdout,
                text -> CONSOLE_LINE.matcher(text).find(), text -> text + "\n--- stderr ---\n" + shell.stderr());
        Matcher matcher = CONSOLE_LINE.matcher(output);
        matcher.find();
        base = "http://127.0.0.1:" + matcher.group(1);
        addUser(shell, "admin", "admin", ADMIN_PASSWORD);
        addUser(shell, THERAPIST, "therapist", PASSWORD);
        return shell;
    }

    private HeadlessChromium startBrowser() throws IOException {
        browser = HeadlessChromium.start(directory);
        started.add(browser);
        return browser;
    }

    /**
     * Waits for {@code condition}; when it never comes, fails with what the page and the engine say
     * (the session's state and reason, the latch, the engine's warnings) and a screenshot, since the
     * usual cause is the engine reacting to something (a device gone silent on a loaded machine).
     */
    private <T> T await(WebDriverWait wait, ExpectedCondition<T> condition) {
        try {
            return wait.until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(e.getMessage().lines().findFirst().orElse("timed out") + "\n" + diagnosis(), e);
        }
    }

    private String diagnosis() {
        StringBuilder text = new StringBuilder("--- page ---\n");
        try {
            Object page = ((JavascriptExecutor) browser.driver()).executeScript(
                    "const t = id => { const e = document.getElementById(id); return e ? e.textContent.trim() : '(none)'; };"
                    + " return ['session-state', 'session-reason', 'estop-status', 'latch', 'stream-status']"
                    + ".map(id => id + ': ' + t(id)).join('\\n');");
            text.append(page).append('\n');
            text.append("screenshot: ").append(browser.screenshot(HeadlessChromium.screenshotsFolder(), "console-failure"));
        } catch (RuntimeException | IOException e) {
            text.append("(the page could not be read: ").append(e.getMessage()).append(")");
        }
        text.append("\n--- engine's standard output ---\n").append(shell == null ? "" : shell.stdout());
        return text.toString();
    }

    /** The shell's {@code users add}; its standard input is no terminal, so the password is the next line. */
    private static void addUser(LaunchedJar shell, String name, String role, String password) throws IOException {
        shell.type("users add " + name + " --role " + role);
        shell.type(password);
        shell.awaitOutput("user " + name + " added", "user " + name + " added as " + role);
    }

    /** Through the login form. A latch the engine started with (a machine too loaded at start) is acknowledged. */
    private void logIn(WebDriver driver, WebDriverWait wait) {
        driver.findElement(By.id("login-user")).sendKeys(THERAPIST);
        driver.findElement(By.id("login-password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        await(wait, ExpectedConditions.textToBePresentInElementLocated(By.id("who"), THERAPIST));
        if (driver.findElement(By.id("latch")).isDisplayed()) {
            driver.findElement(By.id("ack-all")).click();
            await(wait, ExpectedConditions.invisibilityOfElementLocated(By.id("latch")));
        }
    }

    /** Two simulator cups started by the test's own client (HTTP Basic), beside the browser. */
    private String startTwoCupsOverRest() {
        String body = "{\"client\":{\"id\":\"c-no-stream\"},\"technique\":\"static-cupping\",\"cups\":["
                + "{\"device\":\"sim-1\",\"channel\":0,\"site\":{\"region\":\"UPPER_BACK\",\"side\":\"LEFT\"}},"
                + "{\"device\":\"sim-1\",\"channel\":1,\"site\":{\"region\":\"UPPER_BACK\",\"side\":\"RIGHT\"}}]}";
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/api/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, answer.statusCode(), answer.body());
        return JsonParser.parseString(answer.body()).getAsJsonObject().get("id").getAsString();
    }

    /** The session aborted, the engine latched, and every cup it had measured at most VENTED_KPA. */
    private void assertEngineVentedAndLatched(String sessionId, int cups) {
        JsonObject stopped = Await.value("every cup vented in the engine's snapshot", STEP, this::current,
                snapshot -> everyCupVented(snapshot, cups), String::valueOf);
        assertEquals(sessionId, stopped.get("id").getAsString());
        assertEquals("ABORTED", stopped.get("state").getAsString(), stopped.toString());
        assertTrue(health().get("latched").getAsBoolean(), "the engine is latched");
    }

    /** The session's record appears once the records have read its journal: ask again until it does. */
    private WebElement awaitRecord(WebDriverWait wait, By row) {
        return await(wait, d -> {
            List<WebElement> found = d.findElements(row);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            d.findElement(By.cssSelector("main form.inline button[type=submit]")).click();
            return null;
        });
    }

    private static void assertNoScriptErrors(HeadlessChromium browser) {
        List<String> errors = browser.consoleMessages().stream()
                .filter(line -> line.contains("Uncaught") || line.contains("Content Security Policy")
                        || line.contains("Refused to"))
                .toList();
        assertEquals(List.of(), errors, "the page's scripts ran without errors");
    }

    /** JavaScript run in the page until it answers true. */
    private static ExpectedCondition<Boolean> pageSays(String script) {
        return d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script));
    }

    /**
     * From the chart object itself (window.upwellChart): one measured series per cup, each having
     * climbed from near ambient to above 30 kPa (static cupping's default target is 40 kPa).
     */
    private static String measuredRisingOnEveryCup() {
        return "const chart = window.upwellChart; if (!chart) return false;"
                + " const measured = chart.data.datasets.filter(d => d.kind === 'measured');"
                + " if (measured.length !== " + CUPS + ") return false;"
                + " return measured.every(d => { const ys = d.data.map(p => p.y).filter(y => y !== null);"
                + "   return ys.length > 5 && ys[0] < 5 && ys[ys.length - 1] > 30 && ys[ys.length - 1] > ys[0]; });";
    }

    /** The console's cup table: every cup marked vented (read in one go: the table redraws at every sample). */
    private static String everyCupShownVented(int cups) {
        return "const rows = [...document.querySelectorAll('#cups-table tbody tr')];"
                + " return rows.length === " + cups + " && rows.every(r => r.dataset.vented === 'true');";
    }

    /** The console's cup table: every cup's status as given ('vacuum', 'venting', 'vented'). */
    private static String everyCupShownAs(String status, int cups) {
        return "const rows = [...document.querySelectorAll('#cups-table tbody tr')];"
                + " return rows.length === " + cups + " && rows.every(r => {"
                + "   const cell = r.querySelector('.cup-status'); return cell && cell.classList.contains('" + status + "'); });";
    }

    private static boolean everyCupVented(JsonObject snapshot, int count) {
        JsonArray cups = snapshot.getAsJsonArray("cups");
        if (cups == null || cups.size() != count) {
            return false;
        }
        for (JsonElement cup : cups) {
            JsonElement measured = cup.getAsJsonObject().get("measuredKpa");
            if (measured == null || measured.isJsonNull() || measured.getAsDouble() > VENTED_KPA) {
                return false;
            }
        }
        return true;
    }

    private JsonObject current() {
        HttpResponse<String> answer = get(base + "/api/sessions/current");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET /api/sessions/current: " + answer.statusCode() + " " + answer.body());
        }
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    private JsonObject health() {
        return JsonParser.parseString(get(base + "/api/health").body()).getAsJsonObject();
    }

    private static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A request as the therapist, with HTTP Basic credentials (the test's own client, beside the browser). */
    private static HttpResponse<String> send(HttpRequest.Builder request) {
        String credentials = Base64.getEncoder().encodeToString((THERAPIST + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest built = request.header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(30)).build();
        try {
            return HttpClient.newHttpClient().send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
