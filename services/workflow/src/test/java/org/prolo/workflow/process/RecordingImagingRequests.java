package org.prolo.workflow.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for the {@code requestingImaging} bean in process tests: records the imaging
 * request and, like the real bean with its early_message table, hands the process a
 * report that arrived before the process asked for it.
 */
public class RecordingImagingRequests implements JavaDelegate {

	/** One ImagingRequested the real bean would publish. */
	public record Request(String referralId, String modality, String bodyRegion, String clinicalQuestion) {
	}

	private final List<Request> requests = new ArrayList<>();

	private final Map<String, Map<String, Object>> keptReports = new HashMap<>();

	/** An ImagingReported that came in while no process waited for it. */
	public void keepEarlyReport(String referralId, Map<String, Object> findings) {
		this.keptReports.put(referralId, findings);
	}

	@Override
	public void execute(DelegateExecution execution) {
		String referralId = execution.getProcessBusinessKey();
		this.requests.add(new Request(referralId, (String) execution.getVariable("imagingModality"),
				(String) execution.getVariable("imagingBodyRegion"),
				(String) execution.getVariable("imagingClinicalQuestion")));
		Map<String, Object> early = this.keptReports.remove(referralId);
		if (early != null) {
			execution.setVariables(early);
		}
		execution.setVariable("imagingReportReceived", early != null);
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	public boolean keeps(String referralId) {
		return this.keptReports.containsKey(referralId);
	}

}
