package org.prolo.workflow;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.slf4j.Logger;

/**
 * Debian's Chromium driven by Playwright for Java, for the browser tests: no browser
 * download, headless, one page at a time, screenshots in
 * {@code target/browser-screenshots/}. Without Chromium at {@value #CHROMIUM} a test
 * fails rather than skips: CI installs it, and a skipped browser test proves nothing.
 */
public final class HeadlessChromium implements AutoCloseable {

	public static final String CHROMIUM = "/usr/bin/chromium";

	static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");

	/**
	 * Generous: the first page load compiles Tasklist's scripts on a busy 2-core machine.
	 */
	public static final double UI_TIMEOUT_MS = 60_000;

	private final Playwright playwright;

	private final Browser browser;

	private BrowserContext context;

	private HeadlessChromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	/**
	 * Starts Chromium and deletes the screenshots an earlier run left under this prefix,
	 * so that none of them can pass for one of this run.
	 */
	public static HeadlessChromium launch(String screenshotPrefix) {
		if (!Files.isExecutable(Paths.get(CHROMIUM))) {
			fail("No Chromium at " + CHROMIUM + ": the browser tests need Debian's chromium package "
					+ "(apt-get install -y chromium; .ci/run installs it)");
		}
		try {
			Files.createDirectories(SCREENSHOTS);
			try (var old = Files.newDirectoryStream(SCREENSHOTS, screenshotPrefix + "-*.png")) {
				for (Path screenshot : old) {
					Files.delete(screenshot);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		PlaywrightAssertions.setDefaultAssertionTimeout(UI_TIMEOUT_MS);
		// The driver comes from the playwright jars; it must not download a browser of
		// its
		// own (also set for surefire in the pom, repeated here for runs from an IDE).
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Browser browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get(CHROMIUM))
				.setHeadless(true)
				.setTimeout(UI_TIMEOUT_MS)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
		return new HeadlessChromium(playwright, browser);
	}

	/**
	 * A new page in a fresh browser context (no cookies of an earlier test). What the
	 * browser saw goes to the test's log: the first thing to read when a step times out.
	 */
	public Page openPage(Logger log) {
		closePage();
		context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000));
		context.setDefaultTimeout(UI_TIMEOUT_MS);
		context.setDefaultNavigationTimeout(UI_TIMEOUT_MS);
		Page page = context.newPage();
		page.onConsoleMessage(message -> log.info("Browser console {}: {}", message.type(), message.text()));
		page.onPageError(error -> log.warn("Browser page error: {}", error));
		page.onRequestFailed(request -> log.warn("Browser request failed: {} {} ({})", request.method(), request.url(),
				request.failure()));
		page.onResponse(response -> {
			if (response.status() >= 400) {
				log.warn("Browser got {} for {} {}", response.status(), response.request().method(), response.url());
			}
		});
		return page;
	}

	/** A full-page screenshot, {@code name} starting with this run's prefix. */
	public void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	public void closePage() {
		if (context != null) {
			context.close();
			context = null;
		}
	}

	@Override
	public void close() {
		closePage();
		browser.close();
		playwright.close();
	}

}
