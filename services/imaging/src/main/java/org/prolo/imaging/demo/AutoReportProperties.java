package org.prolo.imaging.demo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo setting: report open orders automatically with a normal finding, so that a demo
 * referral moves on without a radiologist.
 *
 * @param enabled off by default, on in the demo profile; the reporter runs only in that
 * profile
 * @param delay how long an order waits on the worklist before it is auto-reported
 * @param pollInterval how often the worklist is checked
 */
@ConfigurationProperties("prolo.imaging.auto-report")
public record AutoReportProperties(boolean enabled, Duration delay, Duration pollInterval) {

	public AutoReportProperties {
		delay = (delay != null) ? delay : Duration.ofSeconds(30);
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofSeconds(5);
	}

}
