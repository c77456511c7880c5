package org.prolo.portal.submission;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.prolo.platform.security.problems.FieldProblem;
import org.prolo.portal.web.FieldErrors.SummaryItem;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionFieldsTests {

	@Test
	void ordersTheErrorsLikeTheFormAndPutsTheRestLast() {
		var errors = SubmissionFields.errors(List.of(new FieldProblem("urgency", "must be one of [ROUTINE, URGENT]"),
				new FieldProblem("referrer.id", "must not be blank"),
				new FieldProblem("patient.address", "must be at most 500 characters"),
				new FieldProblem("anticoagulated", "must not be null")), Map.of());

		assertThat(errors.summary()).containsExactly(
				new SummaryItem("#patientAddress", "Patient's address must be at most 500 characters."),
				new SummaryItem("#anticoagulated-yes", "Anticoagulants is required."),
				new SummaryItem("#urgency", "Urgency must be one of [ROUTINE, URGENT]."),
				new SummaryItem(null, "Your user id is required."));
		assertThat(errors.describedBy("urgency", null)).isEqualTo("urgency-error");
		assertThat(errors.describedBy("notes", "notes-hint")).isEqualTo("notes-hint");
	}

	@Test
	void prefersItsOwnMessageForAValueItCouldNotRead() {
		var form = new ReferralForm();
		form.setPainDurationMonths("9.5");
		form.setPatientBirthDate("31/01/1970");
		var conversion = SubmissionFields.convert("dr-ada", form);

		var errors = SubmissionFields.errors(List.of(new FieldProblem("painDurationMonths", "must not be null")),
				conversion.problems());

		assertThat(conversion.request().painDurationMonths()).isNull();
		assertThat(conversion.request().patient().birthDate()).isNull();
		assertThat(errors.message("painDurationMonths")).isEqualTo("Pain duration in months must be a whole number.");
		assertThat(errors.message("patientBirthDate")).startsWith("Patient's date of birth must be a real date");
	}

	@Test
	void sendsTheSignedInPhysicianAsReferrerAndLeavesOutEmptyOptionalFields() {
		var form = new ReferralForm();
		form.setPatientPseudonym("  ");
		form.setNotes("");
		form.setPregnant("no");
		form.setAnticoagulated("maybe");

		var request = SubmissionFields.convert("dr-ada", form).request();

		assertThat(request.referrer().id()).isEqualTo("dr-ada");
		assertThat(request.patient().pseudonym()).isNull();
		assertThat(request.notes()).isNull();
		assertThat(request.pregnant()).isFalse();
		assertThat(request.anticoagulated()).isNull();
	}

}
