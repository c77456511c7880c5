package org.prolo.workflow.inspection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.prolo.platform.events.DeadLetters.DeadLetter;
import org.prolo.workflow.inspection.ReferralInspection.JobView;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Why is this referral stuck: the view, a failed job's stack trace, and the two fixes.
 * Bad ids are 400, unknown ones 404, both problem+json.
 */
@RestController
@RequestMapping(path = "/api/referrals/{referralId}/inspection", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "inspection", description = "Why is this referral stuck? Process, incidents, tasks, events, dead letters")
public class InspectionController {

	static final String REFERRAL_ID = "[A-Za-z0-9._:-]{1,64}";

	static final String JOB_ID = "[A-Za-z0-9-]{1,64}";

	/** Kafka's legal topic characters, and a dead-letter topic's suffix. */
	static final String DEAD_LETTER_TOPIC = "[A-Za-z0-9._-]{1,245}\\.DLT";

	private final InspectingReferral inspecting;

	public InspectionController(InspectingReferral inspecting) {
		this.inspecting = inspecting;
	}

	@GetMapping
	@Operation(summary = "Everything that can hold the referral up: its process, current activities, incidents, "
			+ "failed jobs, open tasks, events from the timeline and dead letters (metadata only)")
	public ReferralInspection inspect(@PathVariable @Pattern(regexp = REFERRAL_ID) String referralId) {
		return inspecting.inspect(referralId);
	}

	@GetMapping(path = "/jobs/{jobId}/stacktrace", produces = MediaType.TEXT_PLAIN_VALUE)
	@Operation(summary = "The stack trace of a failed job of the referral")
	public String stackTrace(@PathVariable @Pattern(regexp = REFERRAL_ID) String referralId,
			@PathVariable @Pattern(regexp = JOB_ID) String jobId) {
		return inspecting.stackTrace(referralId, jobId);
	}

	@PostMapping("/jobs/{jobId}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Give a failed job (no retries left) one retry; the job executor runs it shortly")
	public JobView retryJob(@PathVariable @Pattern(regexp = REFERRAL_ID) String referralId,
			@PathVariable @Pattern(regexp = JOB_ID) String jobId) {
		return inspecting.retryJob(referralId, jobId);
	}

	@PostMapping("/dead-letters/{topic}/{partition}/{offset}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Replay a dead letter of the referral onto its original topic, unchanged; "
			+ "topic is the dead-letter topic (<topic>.DLT)")
	public DeadLetter replayDeadLetter(@PathVariable @Pattern(regexp = REFERRAL_ID) String referralId,
			@PathVariable @Pattern(regexp = DEAD_LETTER_TOPIC) String topic,
			@PathVariable @Min(0) @Max(100_000) int partition, @PathVariable @Min(0) long offset) {
		return inspecting.replayDeadLetter(referralId, topic, partition, offset);
	}

}
