package org.prolo.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision table prolotherapy-course-plan (hit policy UNIQUE) as deployed from bpmn/:
 * every row of the clinic's course-plan policy, with the output types the plan-course
 * task expects.
 */
@Deployment(resources = ReferralProcessDriver.COURSE_PLAN)
class CoursePlanDecisionTests {

	static final String KEY = "prolotherapy-course-plan";

	@RegisterExtension
	static final ProcessEngineExtension engine = ReferralProcessDriver.engineExtension();

	@ParameterizedTest(name = "{0}: {1} sessions every {2} weeks, {3} % dextrose")
	@CsvSource(delimiter = '|', textBlock = """
			LOW_BACK_PAIN             | 4 | 4 | 15.0
			DEGENERATIVE_DISC_DISEASE | 4 | 4 | 15.0
			SACROILIAC_JOINT_PAIN     | 3 | 4 | 25.0
			NECK_PAIN                 | 4 | 4 | 12.5
			WHIPLASH                  | 4 | 4 | 12.5
			KNEE_OSTEOARTHRITIS       | 5 | 4 | 25.0
			HIP_OSTEOARTHRITIS        | 4 | 4 | 25.0
			HAND_OSTEOARTHRITIS       | 3 | 8 | 10.0
			LATERAL_EPICONDYLOSIS     | 3 | 4 | 20.0
			ROTATOR_CUFF_TENDINOPATHY | 3 | 4 | 25.0
			ACHILLES_TENDINOPATHY     | 4 | 4 | 20.0
			PLANTAR_FASCIOPATHY       | 3 | 4 | 25.0
			OTHER                     | 3 | 4 | 15.0
			""")
	void proposesThePolicysCourseForEachCondition(String condition, int sessions, int intervalWeeks,
			double dextrosePercent) {
		DmnDecisionTableResult result = engine.getDecisionService()
			.evaluateDecisionTableByKey(KEY, Map.of("condition", condition));

		assertThat(result).hasSize(1);
		assertThat(result.getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(
				Map.of("sessions", sessions, "intervalWeeks", intervalWeeks, "dextrosePercent", dextrosePercent));
	}

	@Test
	void conditionOutsideTheTableGetsNoProposal() {
		DmnDecisionTableResult result = engine.getDecisionService()
			.evaluateDecisionTableByKey(KEY, Map.of("condition", "FIBROMYALGIA"));

		assertThat(result).isEmpty();
	}

}
