package org.prolo.platform.testing;

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
import org.slf4j.Logger;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's Chromium driven by Playwright for Java, for the browser tests: no browser
 * download, headless. Each page opens in a browser context of its own, as if at its own
 * computer (no cookies of another page), and tells a log what it sees, the first thing to
 * read when a step times out. Screenshots go to {@code target/browser-screenshots/}.
 * Without Chromium at {@value #EXECUTABLE} a test fails rather than skips: CI installs
 * it, and a skipped browser test proves nothing.
 */
public final class ChromiumBrowser implements AutoCloseable {

	public static final String EXECUTABLE = "/usr/bin/chromium";

	public static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");

	/** Generous: Tasklist compiles its scripts on first load, on a busy two-core box. */
	public static final double UI_TIMEOUT_MS = 60_000;

	private final String screenshotPrefix;

	private final Playwright playwright;

	private final Browser browser;

	private final List<BrowserContext> contexts = new ArrayList<>();

	/**
	 * Launches the browser.
	 * @param screenshotPrefix names the screenshots; those an earlier run left under it
	 * are deleted first, so that none of them can pass for one of this run
	 */
	public ChromiumBrowser(String screenshotPrefix) throws IOException {
		this.screenshotPrefix = screenshotPrefix;
		if (!Files.isExecutable(Paths.get(EXECUTABLE))) {
			fail("No Chromium at " + EXECUTABLE + ": the browser tests need Debian's chromium package "
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
		// its own (also set for surefire in the poms, repeated here for runs from an
		// IDE).
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		this.browser = this.playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get(EXECUTABLE))
				.setHeadless(true)
				.setTimeout(UI_TIMEOUT_MS)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	/**
	 * A fresh page in a browser context of its own, whose console, page errors, failed
	 * requests and error answers go to the log as {@code whose} (e.g. "Ines's browser").
	 */
	public Page newPage(Logger log, String whose) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000));
		context.setDefaultTimeout(UI_TIMEOUT_MS);
		context.setDefaultNavigationTimeout(UI_TIMEOUT_MS);
		contexts.add(context);
		Page page = context.newPage();
		page.onConsoleMessage(message -> log.info("{} console {}: {}", whose, message.type(), message.text()));
		page.onPageError(error -> log.warn("{} page error: {}", whose, error));
		page.onRequestFailed(request -> log.warn("{} request failed: {} {} ({})", whose, request.method(),
				request.url(), request.failure()));
		page.onResponse(response -> {
			if (response.status() >= 400) {
				log.warn("{} got {} for {} {}", whose, response.status(), response.request().method(), response.url());
			}
		});
		return page;
	}

	/** A full-page screenshot, {@code <prefix>-<name>.png}. */
	public void screenshot(Page page, String name) {
		page.screenshot(
				new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(screenshotPrefix + "-" + name + ".png"))
					.setFullPage(true));
	}

	/** Closes every page opened so far, and its cookies with it. */
	public void closePages() {
		contexts.forEach(BrowserContext::close);
		contexts.clear();
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}

}
