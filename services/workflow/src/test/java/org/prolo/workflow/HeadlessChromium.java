package org.prolo.workflow;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's Chromium driven by Playwright for Java, as a JUnit extension for the browser
 * tests: no browser download, headless, started once per class, a fresh page (no cookies
 * of an earlier test) for each test method as a {@link Page} parameter, screenshots in
 * {@code target/browser-screenshots/}. Without Chromium at {@value #CHROMIUM} a test
 * fails rather than skips: CI installs it, and a skipped browser test proves nothing.
 */
public final class HeadlessChromium
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	public static final String CHROMIUM = "/usr/bin/chromium";

	static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");

	/**
	 * Generous: the first page load compiles Tasklist's scripts on a busy 2-core machine.
	 */
	public static final double UI_TIMEOUT_MS = 60_000;

	private final String screenshotPrefix;

	private Playwright playwright;

	private Browser browser;

	private BrowserContext context;

	private Page page;

	/**
	 * @param screenshotPrefix names this class's screenshots; those an earlier run left
	 * under it are deleted first, so that none of them can pass for one of this run
	 */
	public HeadlessChromium(String screenshotPrefix) {
		this.screenshotPrefix = screenshotPrefix;
	}

	@Override
	public void beforeAll(ExtensionContext extension) throws IOException {
		if (!Files.isExecutable(Paths.get(CHROMIUM))) {
			fail("No Chromium at " + CHROMIUM + ": the browser tests need Debian's chromium package "
					+ "(apt-get install -y chromium; .ci/run installs it)");
		}
		Files.createDirectories(SCREENSHOTS);
		try (var old = Files.newDirectoryStream(SCREENSHOTS, screenshotPrefix + "-*.png")) {
			for (Path screenshot : old) {
				Files.delete(screenshot);
			}
		}
		PlaywrightAssertions.setDefaultAssertionTimeout(UI_TIMEOUT_MS);
		// The driver comes from the playwright jars; it must not download a browser of
		// its own (also set for surefire in the pom, repeated here for runs from an IDE).
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
	 * What the browser saw goes to the test's log: the first thing to read when a step
	 * times out.
	 */
	@Override
	public void beforeEach(ExtensionContext extension) {
		Logger log = LoggerFactory.getLogger(extension.getRequiredTestClass());
		context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000));
		context.setDefaultTimeout(UI_TIMEOUT_MS);
		context.setDefaultNavigationTimeout(UI_TIMEOUT_MS);
		page = context.newPage();
		page.onConsoleMessage(message -> log.info("Browser console {}: {}", message.type(), message.text()));
		page.onPageError(error -> log.warn("Browser page error: {}", error));
		page.onRequestFailed(request -> log.warn("Browser request failed: {} {} ({})", request.method(), request.url(),
				request.failure()));
		page.onResponse(response -> {
			if (response.status() >= 400) {
				log.warn("Browser got {} for {} {}", response.status(), response.request().method(), response.url());
			}
		});
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == Page.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		return page;
	}

	/** A full-page screenshot of the current page, {@code <prefix>-<name>.png}. */
	public void screenshot(String name) {
		page.screenshot(
				new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(screenshotPrefix + "-" + name + ".png"))
					.setFullPage(true));
	}

	@Override
	public void afterEach(ExtensionContext extension) {
		if (context != null) {
			context.close();
			context = null;
			page = null;
		}
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
