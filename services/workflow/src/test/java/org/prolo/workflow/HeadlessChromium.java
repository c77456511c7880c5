package org.prolo.workflow;

import java.io.IOException;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.prolo.platform.testing.ChromiumBrowser;
import org.slf4j.LoggerFactory;

/**
 * The machine's Chromium ({@link ChromiumBrowser}) as a JUnit extension for the browser
 * tests: started once per class, a fresh page (no cookies of an earlier test) for each
 * test method as a {@link Page} parameter.
 */
public final class HeadlessChromium
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	public static final String CHROMIUM = ChromiumBrowser.EXECUTABLE;

	private final String screenshotPrefix;

	private ChromiumBrowser browser;

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
		browser = new ChromiumBrowser(screenshotPrefix);
	}

	@Override
	public void beforeEach(ExtensionContext extension) {
		page = browser.newPage(LoggerFactory.getLogger(extension.getRequiredTestClass()), "Browser");
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
		browser.screenshot(page, name);
	}

	@Override
	public void afterEach(ExtensionContext extension) {
		if (browser != null) {
			browser.closePages();
		}
		page = null;
	}

	@Override
	public void afterAll(ExtensionContext extension) {
		if (browser != null) {
			browser.close();
		}
	}

}
