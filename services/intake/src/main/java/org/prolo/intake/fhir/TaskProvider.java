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
import org.prolo.intake.referral.Referrals;

import org.springframework.stereotype.Component;

/**
 * GET /fhir/Task?based-on=ServiceRequest/{id}: the clinic's Task on a referral, which is
 * how an EHR follows it; GET /fhir/Task/{id} reads it directly.
 */
@Component
class TaskProvider implements IResourceProvider {

	private final Referrals referrals;

	TaskProvider(Referrals referrals) {
		this.referrals = referrals;
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
		return referrals.findById(basedOn.getIdPart()).map(TaskMapping::toTask).stream().toList();
	}

	@Read
	public Task read(@IdParam IdType id) {
		return referrals.findById(id.getIdPart())
			.map(TaskMapping::toTask)
			.orElseThrow(() -> new ResourceNotFoundException(id));
	}

}
