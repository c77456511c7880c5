package org.prolo.launcher;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's Chromium driven by Playwright for Java (no browser download, headless), one
 * browser per test class. Each person of a test gets a browser context of their own, as
 * if at their own computer: the services all live on localhost, and a shared context
 * would share the identity service's sign-in cookie between them. Screenshots go to
 * {@code target/browser-screenshots/}. Without Chromium at {@value #CHROMIUM} the test
 * fails rather than skips: a skipped browser test proves nothing.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");

	/** Generous: Tasklist compiles its scripts on first load, on a busy two-core box. */
	static final double UI_TIMEOUT_MS = 60_000;

	private final String screenshotPrefix;

	private final List<BrowserContext> contexts = new ArrayList<>();

	private Playwright playwright;

	private Browser browser;

	private Logger log = LoggerFactory.getLogger(Chromium.class);

	/**
	 * @param screenshotPrefix names this class's screenshots; those an earlier run left
	 * under it are deleted first, so none of them passes for one of this run
	 */
	Chromium(String screenshotPrefix) {
		this.screenshotPrefix = screenshotPrefix;
	}

	@Override
	public void beforeAll(ExtensionContext extension) throws IOException {
		if (!Files.isExecutable(Paths.get(CHROMIUM))) {
			fail("No Chromium at " + CHROMIUM + ": the browser tests need Debian's chromium package "
					+ "(apt-get install -y chromium; .ci/run installs it)");
		}
		log = LoggerFactory.getLogger(extension.getRequiredTestClass());
		Files.createDirectories(SCREENSHOTS);
		try (var old = Files.newDirectoryStream(SCREENSHOTS, screenshotPrefix + "-*.png")) {
			for (Path screenshot : old) {
				Files.delete(screenshot);
			}
		}
		PlaywrightAssertions.setDefaultAssertionTimeout(UI_TIMEOUT_MS);
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get(CHROMIUM))
				.setHeadless(true)
				.setTimeout(UI_TIMEOUT_MS)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	/**
	 * A fresh page in a browser context of the person's own; what it sees goes to the
	 * test's log, the first thing to read when a step times out.
	 */
	Page pageOf(String person) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000));
		context.setDefaultTimeout(UI_TIMEOUT_MS);
		context.setDefaultNavigationTimeout(UI_TIMEOUT_MS);
		contexts.add(context);
		Page page = context.newPage();
		page.onConsoleMessage(
				message -> log.info("{}'s browser console {}: {}", person, message.type(), message.text()));
		page.onPageError(error -> log.warn("{}'s browser page error: {}", person, error));
		page.onRequestFailed(request -> log.warn("{}'s browser request failed: {} {} ({})", person, request.method(),
				request.url(), request.failure()));
		page.onResponse(response -> {
			if (response.status() >= 400) {
				log.warn("{}'s browser got {} for {} {}", person, response.status(), response.request().method(),
						response.url());
			}
		});
		return page;
	}

	/** A full-page screenshot, {@code <prefix>-<name>.png}. */
	void screenshot(Page page, String name) {
		page.screenshot(
				new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(screenshotPrefix + "-" + name + ".png"))
					.setFullPage(true));
	}

	@Override
	public void afterEach(ExtensionContext extension) {
		contexts.forEach(BrowserContext::close);
		contexts.clear();
	}

	@Override
	public void afterAll(ExtensionContext extension) {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

}
