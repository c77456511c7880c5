package org.prolo.intake.fhir;

import java.time.Instant;
import java.time.LocalDate;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.prolo.intake.referral.ClinicalFindings;
import org.prolo.intake.referral.Condition;
import org.prolo.intake.referral.CourseWait;
import org.prolo.intake.referral.Outcome;
import org.prolo.intake.referral.Patient;
import org.prolo.intake.referral.Referral;
import org.prolo.intake.referral.Referrer;
import org.prolo.intake.referral.Urgency;
import org.prolo.referralstatus.ReferralStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TaskMappingTests {

	private static final String SYSTEM = "https://prolo.example/fhir/CodeSystem/referral-status";

	private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

	@Test
	void aPlannedCourseWhoseSessionsWaitIsACompletedTaskWhoseBusinessStatusSaysItWaits() {
		Task task = TaskMapping.toTask(coursePlanned(new CourseWait(AT, AT)));

		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		// The status first, as for every referral; then the narrower code of the same
		// system.
		assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("COURSE_PLANNED");
		assertThat(task.getBusinessStatus().getCoding()).extracting(Coding::getSystem, Coding::getCode)
			.containsExactly(tuple(SYSTEM, "COURSE_PLANNED"), tuple(SYSTEM, "COURSE_PLANNED_WAITING_FOR_DATES"));
		assertThat(task.getBusinessStatus().getText())
			.isEqualTo("Course of treatment planned; the sessions are waiting for dates: "
					+ "the clinic's calendar is full, you will get a letter with the dates");
		assertThat(task.getStatusReason().getText()).isEqualTo("Five sessions planned");
		// An EHR reads it as FHIR JSON.
		String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(task);
		assertThat(json).contains("\"status\":\"completed\"", "COURSE_PLANNED_WAITING_FOR_DATES");
	}

	@Test
	void aBookedCourseIsACompletedTaskWithTheStatusAlone() {
		Task task = TaskMapping.toTask(coursePlanned(new CourseWait(null, AT.plusSeconds(60))));

		assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(task.getBusinessStatus().getCoding()).singleElement()
			.satisfies(coding -> assertThat(coding.getCode()).isEqualTo("COURSE_PLANNED"))
			.satisfies(coding -> assertThat(coding.getSystem()).isEqualTo(SYSTEM));
		assertThat(task.getBusinessStatus().getText()).isEqualTo("Course of treatment planned");
	}

	private static Referral coursePlanned(CourseWait courseWait) {
		return new Referral("R-1", new Referrer("dr-ada", "Dr Ada Lovelace", "ada@referrers.example"),
				new Patient("P-1a2b3c4d", "Demo Patient 1", LocalDate.of(1970, 1, 1), "1 Demo Street"),
				new ClinicalFindings(Condition.KNEE_OSTEOARTHRITIS, "left knee", 9, true, false, false, false, false,
						false, false),
				Urgency.ROUTINE, null, AT.minusSeconds(86_400), ReferralStatus.COURSE_PLANNED, null,
				new Outcome(ReferralStatus.COURSE_PLANNED, null, "Five sessions planned", AT), null, courseWait);
	}

}
