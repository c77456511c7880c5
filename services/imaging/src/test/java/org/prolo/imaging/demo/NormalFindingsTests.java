package org.prolo.imaging.demo;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.prolo.imaging.order.ImagingOrder;
import org.prolo.imaging.order.Modality;

import static org.assertj.core.api.Assertions.assertThat;

class NormalFindingsTests {

	private static final Instant REQUESTED = Instant.parse("2025-11-03T09:15:00Z");

	private final ImagingOrder open = ImagingOrder.open("o-1", "ref-1", "pt-1", Modality.XRAY, "right knee", "Grade?",
			REQUESTED);

	@Test
	void aNormalFindingHasNoRedFlagNoTearAndNoGrade() {
		assertThat(NormalFindings.REPORT.redFlag()).isFalse();
		assertThat(NormalFindings.REPORT.redFlagKind()).isNull();
		assertThat(NormalFindings.REPORT.fullThicknessTear()).isFalse();
		assertThat(NormalFindings.REPORT.osteoarthritisGrade()).isNull();
	}

	@Test
	void anOrderIsDueOnlyWhenOpenAndOlderThanTheDelay() {
		Duration delay = Duration.ofSeconds(30);

		assertThat(NormalFindings.due(open, REQUESTED.plusSeconds(29), delay)).isFalse();
		assertThat(NormalFindings.due(open, REQUESTED.plusSeconds(30), delay)).isTrue();
		assertThat(NormalFindings.due(open.report(NormalFindings.REPORT, REQUESTED.plusSeconds(31)),
				REQUESTED.plusSeconds(60), delay))
			.isFalse();
		assertThat(NormalFindings.due(open.close(), REQUESTED.plusSeconds(3600), Duration.ZERO)).isFalse();
	}

}
