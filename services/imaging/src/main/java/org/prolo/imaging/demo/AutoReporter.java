package org.prolo.imaging.demo;

import java.time.Clock;

import org.prolo.imaging.order.ImagingOrder;
import org.prolo.imaging.order.OrderAlreadyReportedException;
import org.prolo.imaging.order.OrderStatus;
import org.prolo.imaging.worklist.RadiologyWorklist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The demo radiologist: reports every open order older than the delay with a normal
 * finding.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
// Both: a deployment that sets the property by mistake still gets no made-up findings.
@Profile("demo")
@ConditionalOnProperty(name = "prolo.imaging.auto-report.enabled", havingValue = "true")
class AutoReporter {

	private static final Logger log = LoggerFactory.getLogger(AutoReporter.class);

	private final RadiologyWorklist worklist;

	private final AutoReportProperties properties;

	private final Clock clock;

	AutoReporter(RadiologyWorklist worklist, AutoReportProperties properties, Clock clock) {
		this.worklist = worklist;
		this.properties = properties;
		this.clock = clock;
		log.warn("Demo auto-report is ON: open imaging orders are reported as normal after {}", properties.delay());
	}

	@Scheduled(fixedDelayString = "${prolo.imaging.auto-report.poll-interval:PT5S}",
			initialDelayString = "${prolo.imaging.auto-report.poll-interval:PT5S}")
	void reportDueOrders() {
		for (ImagingOrder order : worklist.orders(OrderStatus.OPEN)) {
			if (NormalFindings.due(order, clock.instant(), properties.delay())) {
				try {
					worklist.report(order.id(), NormalFindings.REPORT);
					log.info("Auto-reported imaging order {} of referral {}", order.id(), order.referralId());
				}
				catch (OrderAlreadyReportedException ex) {
					// A radiologist got there first, which is fine.
				}
			}
		}
	}

}
