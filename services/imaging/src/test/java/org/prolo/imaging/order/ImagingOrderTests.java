package org.prolo.imaging.order;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ImagingOrderTests {

	private static final Instant REQUESTED = Instant.parse("2025-11-03T09:15:00Z");

	private static final Findings NORMAL = Findings.of(false, null, false, null, "No acute abnormality.");

	private final ImagingOrder open = ImagingOrder.open("o-1", "ref-1", "pt-1", Modality.XRAY, "right knee", "Grade?",
			REQUESTED);

	@Test
	void reportingAnOpenOrderRecordsFindingsAndTheFactToPublish() {
		Findings findings = Findings.of(false, null, false, 2, "Moderate OA.");
		Instant at = REQUESTED.plusSeconds(3600);

		ImagingOrder reported = open.report(findings, at);

		assertThat(reported.status()).isEqualTo(OrderStatus.REPORTED);
		assertThat(reported.reported("e-1")).isEqualTo(new OrderReported("e-1", "o-1", "ref-1", at, findings));
	}

	@Test
	void refusesASecondReport() {
		ImagingOrder reported = open.report(NORMAL, REQUESTED.plusSeconds(60));

		assertThatExceptionOfType(OrderAlreadyReportedException.class)
			.isThrownBy(() -> reported.report(NORMAL, REQUESTED.plusSeconds(120)));
	}

	@Test
	void aClosedOrderTakesNoReport() {
		ImagingOrder closed = open.close();

		assertThat(closed.status()).isEqualTo(OrderStatus.CLOSED);
		assertThat(closed.findings()).isNull();
		assertThatExceptionOfType(OrderClosedException.class)
			.isThrownBy(() -> closed.report(NORMAL, REQUESTED.plusSeconds(60)));
	}

	@Test
	void closingLeavesAReportedOrderAsItIs() {
		ImagingOrder reported = open.report(NORMAL, REQUESTED.plusSeconds(60));

		assertThat(reported.close()).isSameAs(reported);
	}

	@Test
	void onlyClosesWithoutACourseEndImaging() {
		assertThat(ClosingPolicy.closesOrders("WITHDRAWN")).isTrue();
		assertThat(ClosingPolicy.closesOrders("REJECTED")).isTrue();
		assertThat(ClosingPolicy.closesOrders("NOT_SUITABLE")).isTrue();
		assertThat(ClosingPolicy.closesOrders("NO_RESPONSE")).isTrue();
		assertThat(ClosingPolicy.closesOrders("COURSE_PLANNED")).isFalse();
	}

	@Test
	void refusesUnknownModality() {
		assertThatIllegalArgumentException().isThrownBy(() -> Modality.fromCode("CT"));
	}

	@Test
	void refusesOrderWithoutReferral() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImagingOrder.open("o-2", " ", "pt-1", Modality.MRI, "lumbar spine", "Disc?", REQUESTED));
	}

}
