package io.reelgate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelgate.server.testsupport.AdminHttp;
import io.reelgate.server.testsupport.EndToEndTest;
import io.reelgate.server.testsupport.HeadlessChromium;
import io.reelgate.server.testsupport.KieHttp;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground and the operator console in a real headless Chromium against the real server: submitting a task,
 * watching it finish live, playing the result; clear messages for a wrong key and a too-long prompt; the console
 * listing keys. Screenshots of each page go to {@code target/screenshots/}.
 */
class PlaygroundBrowserTest extends EndToEndTest {

    private static HeadlessChromium chromium;
    private WebDriver browser;
    private JavascriptExecutor js;

    @BeforeAll
    static void startBrowser() {
        Assumptions.assumeTrue(HeadlessChromium.available(),
                "Debian chromium and chromium-driver are not installed (.ci/run installs them)");
        chromium = new HeadlessChromium();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void freshSession() {
        browser = chromium.driver();
        js = (JavascriptExecutor) browser;
        chromium.resize(1280, 1000);
        browser.get(baseUrl() + "/");
        js.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
    }

    @Test
    void submitsATaskWatchesItFinishLiveAndPlaysTheResult() throws Exception {
        useKey(freshKey());
        wait(10).until(d -> find("#credits").getText().startsWith("Credits:"));
        wait(10).until(d -> find("#stream-status").getText().equals("Live updates on"));
        js.executeScript("window.reelgateNoReload = true");

        find("#gen-prompt").sendKeys("a paper boat drifting on a calm lake at sunrise");
        find("#gen-watermark").sendKeys("reelgate");
        find("#gen-submit").click();

        WebElement row = wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tasks li.task")));
        String taskId = row.getAttribute("data-task-id");
        assertThat(taskId).isNotBlank();
        wait(90).until(d -> "success".equals(row.getAttribute("data-state")));
        assertThat(row.findElement(By.cssSelector(".state")).getText()).isEqualTo("success");
        assertThat(js.executeScript("return window.reelgateNoReload === true")).as("no reload happened").isEqualTo(true);

        WebElement video = wait(15).until(d -> row.findElement(By.tagName("video")));
        assertThat(video.getAttribute("poster")).contains("/files/results/" + taskId + "/").endsWith(".jpg");
        assertThat(row.findElement(By.linkText("Download MP4")).getAttribute("href")).endsWith(".mp4");
        wait(30).until(d -> ((Number) js.executeScript("return arguments[0].readyState", video)).intValue() >= 3);
        js.executeScript("arguments[0].muted = true; arguments[0].play();", video);
        wait(20).until(d -> ((Number) js.executeScript("return arguments[0].currentTime", video)).doubleValue() > 0.5);
        assertThat(((Number) js.executeScript("return arguments[0].videoWidth", video)).intValue()).isEqualTo(1280);
        js.executeScript("arguments[0].pause()", video);
        fullPageScreenshot("playground");

        chromium.resize(390, 844);
        js.executeScript("window.scrollTo(0, 0)");
        chromium.screenshot("playground-phone");
        js.executeScript("arguments[0].scrollIntoView()", row);
        chromium.screenshot("playground-phone-tasks");
    }

    @Test
    void tasksSubmittedElsewhereAreListedNewestFirst() {
        String key = freshKey();
        KieHttp api = new KieHttp(baseUrl(), key);
        String older = api.generate("{\"prompt\":\"listed first\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");
        String newer = api.generate("{\"prompt\":\"listed second\",\"duration\":5,\"quality\":\"720p\",\"aspectRatio\":\"1:1\"}");

        useKey(key);

        wait(15).until(d -> browser.findElements(By.cssSelector("#tasks li.task")).size() == 2);
        assertThat(browser.findElements(By.cssSelector("#tasks li.task")))
                .extracting(row -> row.getAttribute("data-task-id")).containsExactly(newer, older);
        assertThat(find("#tasks-empty").isDisplayed()).isFalse();
    }

    @Test
    void aWrongKeyIsRefusedWithAClearMessage() {
        useKey("rg_not-a-real-key");
        WebElement error = wait(10).until(d -> {
            WebElement e = find("#api-key-error");
            return e.getText().isEmpty() ? null : e;
        });
        assertThat(error.getText()).contains("This API key was refused").contains("You do not have access permissions");
        assertThat(find("#credits").getText()).isEqualTo("Not connected");
        chromium.screenshot("playground-wrong-key");
    }

    @Test
    void aTooLongPromptShowsTheServersMessageNextToThePrompt() throws Exception {
        useKey(freshKey());
        wait(10).until(d -> find("#credits").getText().startsWith("Credits:"));
        // 1801 characters, set at once (typing them would take long) and announced like typing
        js.executeScript("const p = document.querySelector('#gen-prompt'); p.value = 'x'.repeat(1801);"
                + "p.dispatchEvent(new Event('input'));");
        assertThat(find("#gen-prompt-count").getText()).isEqualTo("1801 / 1800");
        find("#gen-submit").click();

        WebElement error = wait(10).until(d -> {
            WebElement e = find("#generate-form [data-field=prompt] .error");
            return e.getText().isEmpty() ? null : e;
        });
        assertThat(error.getText()).isEqualTo("prompt must be at most 1800 characters (got 1801)");
        assertThat(find("#gen-prompt").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector("#tasks li.task"))).isEmpty();
        chromium.screenshot("playground-too-long-prompt");
    }

    @Test
    void aRegistryModelIsPickedItsFieldsAreDrawnFromTheEntryAndItsTaskRuns() {
        useKey(freshKey());
        wait(15).until(d -> browser.findElements(By.cssSelector("#model-id option[value='grok-imagine/text-to-video']"))
                .size() == 1);
        new Select(find("#model-id")).selectByValue("grok-imagine/text-to-video");
        wait(5).until(d -> !browser.findElements(By.cssSelector("#model-fields [data-field='input.resolution']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#model-fields [data-field='input.mode'] option")))
                .extracting(WebElement::getText).contains("fun", "normal", "spicy");

        find("#model-field-prompt").sendKeys("a lantern floating over a dark river");
        new Select(find("#model-field-resolution")).selectByValue("480p");
        new Select(find("#model-field-aspect_ratio")).selectByValue("16:9");
        find("#model-submit").click();

        WebElement row = wait(15).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tasks li.task")));
        wait(90).until(d -> "success".equals(row.getAttribute("data-state")));
        WebElement video = wait(15).until(d -> row.findElement(By.tagName("video")));
        wait(30).until(d -> ((Number) js.executeScript("return arguments[0].readyState", video)).intValue() >= 1);
        assertThat(((Number) js.executeScript("return arguments[0].videoWidth", video)).intValue()).isEqualTo(854);
        assertThat(((Number) js.executeScript("return arguments[0].videoHeight", video)).intValue()).isEqualTo(480);
        chromium.screenshot("playground-registry-model");
    }

    @Test
    void aMissingModelFieldIsNamedNextToThatField() {
        useKey(freshKey());
        wait(15).until(d -> browser.findElements(
                By.cssSelector("#model-id option[value='hailuo/2-3-image-to-video-standard']")).size() == 1);
        new Select(find("#model-id")).selectByValue("hailuo/2-3-image-to-video-standard");
        wait(5).until(d -> !browser.findElements(By.cssSelector("#model-field-image_url")).isEmpty());
        find("#model-field-prompt").sendKeys("the beam sweeps the fog");
        find("#model-submit").click();

        WebElement error = wait(10).until(d -> {
            WebElement e = find("#model-form [data-field='input.image_url'] .error");
            return e.getText().isEmpty() ? null : e;
        });
        assertThat(error.getText()).contains("input.image_url");
        assertThat(browser.findElements(By.cssSelector("#tasks li.task"))).isEmpty();
    }

    @Test
    void theOperatorConsoleListsKeysAndCreatesOne() throws Exception {
        String existing = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        new AdminHttp(baseUrl(), DATA_DIR).createKey(existing, 250);

        browser.get(baseUrl() + "/console");
        js.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        find("#admin-token").sendKeys(Files.readString(DATA_DIR.resolve("admin-token.txt")).trim());
        find("#token-form button[type=submit]").click();

        WebElement keys = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#keys")));
        wait(10).until(d -> keys.getText().contains(existing));
        assertThat(keys.getText()).contains("250");
        wait(10).until(d -> find("#engines tbody").getText().contains("preview"));

        String created = existing + "-ui";
        find("#key-name").sendKeys(created);
        find("#key-credits").clear();
        find("#key-credits").sendKeys("40");
        find("#create-form button[type=submit]").click();
        wait(10).until(d -> find("#new-secret").isDisplayed());
        assertThat(find("#new-secret").getText()).contains(created).contains("rg_");
        wait(10).until(d -> find("#keys").getText().contains(created));
        find("#keys tbody tr:first-child button:last-child").click(); // the dev key's ledger
        wait(10).until(d -> find("#ledger-card").isDisplayed());
        fullPageScreenshot("console");

        find("#key-name").sendKeys("x".repeat(201));
        find("#create-form button[type=submit]").click();
        wait(10).until(d -> find("#create-form [data-field=name] .error").getText().startsWith("name is required"));
    }

    @Test
    void theOperatorConsoleSetsAKeysOpenAiWebhookEndpoint() throws Exception {
        String name = "webhook-" + UUID.randomUUID().toString().substring(0, 8);
        AdminHttp admin = new AdminHttp(baseUrl(), DATA_DIR);
        AdminHttp.Key key = admin.createKey(name, 0);

        browser.get(baseUrl() + "/console");
        js.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        find("#admin-token").sendKeys(Files.readString(DATA_DIR.resolve("admin-token.txt")).trim());
        find("#token-form button[type=submit]").click();
        wait(10).until(d -> find("#webhook-key").getText().contains(name));
        new Select(find("#webhook-key")).selectByValue(key.id());
        find("#webhook-url").clear();
        find("#webhook-url").sendKeys("https://example.com/openai-webhooks");
        find("#webhook-form button[type=submit]").click();

        wait(10).until(d -> "https://example.com/openai-webhooks".equals(
                admin.get("/admin/api/keys/" + key.id() + "/webhook-endpoint").data().asString(null)));
        find("#webhook-url").clear();
        find("#webhook-url").sendKeys("ftp://nowhere");
        find("#webhook-form button[type=submit]").click();
        wait(10).until(d -> find("#webhook-form [data-field=url] .error").getText().startsWith("url must be"));
    }

    @Test
    void theApiDocsPageRendersTheKieOperations() {
        browser.get(baseUrl() + "/swagger-ui.html");
        wait(30).until(d -> d.findElements(By.cssSelector(".opblock")).size() > 10);
        assertThat(browser.getPageSource()).contains("/api/v1/runway/generate").contains("/api/v1/aleph/record-info");
        chromium.screenshot("swagger-ui");
    }

    /** The whole page: the window is made as tall as the document first. */
    private void fullPageScreenshot(String name) {
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        chromium.resize(1280, (int) Math.min(height + 140, 5000));
        chromium.screenshot(name);
        chromium.resize(1280, 1000);
    }

    /** A key of its own per test, so the list shows only what the test made. */
    private String freshKey() {
        return new AdminHttp(baseUrl(), DATA_DIR).createKey("browser-" + UUID.randomUUID(), 1000).secret();
    }

    private void useKey(String key) {
        find("#api-key").clear();
        find("#api-key").sendKeys(key);
        find("#key-form button[type=submit]").click();
    }

    private WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private WebDriverWait wait(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.pollingEvery(Duration.ofMillis(100));
        return wait;
    }
}
