package org.prolo.launcher;

import java.io.IOException;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.prolo.platform.testing.ChromiumBrowser;
import org.slf4j.LoggerFactory;

/**
 * The machine's Chromium ({@link ChromiumBrowser}), one browser per test class. Each
 * person of a test gets a browser context of their own, as if at their own computer: the
 * services all live on localhost, and a shared context would share the identity service's
 * sign-in cookie between them.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

	private final String screenshotPrefix;

	private ChromiumBrowser browser;

	private Class<?> testClass = Chromium.class;

	/**
	 * @param screenshotPrefix names this class's screenshots; those an earlier run left
	 * under it are deleted first, so none of them passes for one of this run
	 */
	Chromium(String screenshotPrefix) {
		this.screenshotPrefix = screenshotPrefix;
	}

	@Override
	public void beforeAll(ExtensionContext extension) throws IOException {
		testClass = extension.getRequiredTestClass();
		browser = new ChromiumBrowser(screenshotPrefix);
	}

	/** A fresh page in a browser context of the person's own. */
	Page pageOf(String person) {
		return browser.newPage(LoggerFactory.getLogger(testClass), person + "'s browser");
	}

	/** A full-page screenshot, {@code <prefix>-<name>.png}. */
	void screenshot(Page page, String name) {
		browser.screenshot(page, name);
	}

	@Override
	public void afterEach(ExtensionContext extension) {
		browser.closePages();
	}

	@Override
	public void afterAll(ExtensionContext extension) {
		if (browser != null) {
			browser.close();
		}
	}

}
