package org.prolo.intake.fhir;

import java.util.List;

import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.prolo.intake.referral.ReferralNotFoundException;
import org.prolo.intake.tracking.ReadingReferrals;

import org.springframework.stereotype.Component;

/**
 * GET /fhir/Task?based-on=ServiceRequest/{id}: the clinic's Task on a referral, which is
 * how an EHR follows it; GET /fhir/Task/{id} reads it directly. Both read through
 * {@link ReadingReferrals}: another physician's referral has no Task as far as the caller
 * can tell (an empty search, a 404).
 */
@Component
class TaskProvider implements IResourceProvider {

	private final ReadingReferrals reading;

	TaskProvider(ReadingReferrals reading) {
		this.reading = reading;
	}

	@Override
	public Class<Task> getResourceType() {
		return Task.class;
	}

	@Search
	public List<Task> basedOn(@Description(
			shortDefinition = "The referral's ServiceRequest, as ServiceRequest/{id} or {id}") @RequiredParam(
					name = Task.SP_BASED_ON, targetTypes = ServiceRequest.class) ReferenceParam basedOn) {
		if (basedOn.getChain() != null) {
			throw new InvalidRequestException("based-on takes a ServiceRequest reference, not a chain");
		}
		String type = basedOn.getResourceType();
		if (type != null && !"ServiceRequest".equals(type)) {
			return List.of();
		}
		try {
			return List.of(TaskMapping.toTask(reading.read(FhirCallers.actor(), basedOn.getIdPart())));
		}
		catch (ReferralNotFoundException ex) {
			return List.of();
		}
	}

	@Read
	public Task read(@IdParam IdType id) {
		try {
			return TaskMapping.toTask(reading.read(FhirCallers.actor(), id.getIdPart()));
		}
		catch (ReferralNotFoundException ex) {
			throw new ResourceNotFoundException(id);
		}
	}

}
