package org.prolo.intake.fhir;

import java.util.Date;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.prolo.intake.referral.Referral;
import org.prolo.intake.referral.Urgency;
import org.prolo.referralstatus.ShownStatus;

/**
 * A referral as the clinic's Task on the referrer's ServiceRequest: Task.status is the
 * FHIR Task status of the referral's status, businessStatus the referral's own status
 * with what it waits for (both as ShownStatus maps them), statusReason the pending
 * question or the outcome.
 */
final class TaskMapping {

	static final String OUTCOME_REASON = "https://prolo.example/fhir/CodeSystem/outcome-reason";

	private static final String TASK_CODES = "http://hl7.org/fhir/CodeSystem/task-code";

	private TaskMapping() {
	}

	static Task toTask(Referral referral) {
		var task = new Task();
		// One Task per referral: it shares the ServiceRequest's id.
		task.setId(referral.id());
		var serviceRequest = new Reference("ServiceRequest/" + referral.id());
		task.addBasedOn(serviceRequest);
		task.setFocus(serviceRequest.copy());
		ShownStatus shown = referral.shown();
		task.setStatus(TaskStatus.fromCode(shown.fhirStatus().code()));
		var businessStatus = new CodeableConcept().setText(shown.words());
		shown.businessStatusCodes()
			.forEach(code -> businessStatus.addCoding(new Coding(ShownStatus.BUSINESS_STATUS_SYSTEM, code, null)));
		task.setBusinessStatus(businessStatus);
		task.setIntent(TaskIntent.ORDER);
		task.setCode(new CodeableConcept(new Coding(TASK_CODES, "fulfill", "Fulfill the focal request")));
		task.setPriority((referral.urgency() == Urgency.URGENT) ? TaskPriority.URGENT : TaskPriority.ROUTINE);
		task.setAuthoredOn(Date.from(referral.submittedAt()));
		task.setFor(new Reference().setIdentifier(new Identifier().setSystem(ServiceRequestMapping.PSEUDONYM_SYSTEM)
			.setValue(referral.patient().pseudonym())));
		task.setRequester(new Reference()
			.setIdentifier(new Identifier().setSystem(ServiceRequestMapping.REFERRER_SYSTEM)
				.setValue(referral.referrer().id()))
			.setDisplay(referral.referrer().name()));
		if (referral.openQuestion() != null) {
			task.setStatusReason(new CodeableConcept().setText(referral.openQuestion()));
		}
		else if (referral.outcome() != null) {
			var outcome = referral.outcome();
			var reason = new CodeableConcept().setText(outcome.note());
			if (outcome.reasonCode() != null) {
				reason.addCoding(new Coding(OUTCOME_REASON, outcome.reasonCode(), null));
			}
			task.setStatusReason(reason);
			if (outcome.closedAt() != null) {
				task.getExecutionPeriod().setEnd(Date.from(outcome.closedAt()));
			}
		}
		return task;
	}

}
