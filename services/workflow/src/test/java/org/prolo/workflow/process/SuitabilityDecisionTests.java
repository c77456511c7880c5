package org.prolo.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision table prolotherapy-suitability (hit policy FIRST) as deployed from bpmn/,
 * evaluated with the variable names and types of the clinic's policy: every rule as the
 * first match, and each rule winning over every later one.
 */
@Deployment(resources = ReferralProcessDriver.SUITABILITY)
class SuitabilityDecisionTests {

	static final String KEY = "prolotherapy-suitability";

	@RegisterExtension
	static final ProcessEngineExtension engine = ReferralProcessDriver.engineExtension();

	@ParameterizedTest(name = "rule {0}: {13}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# rule | condition          | months | priorCare | infection | malignancy | redFlag | allergy | anticoag | pregnant | diabetes | tear  | suitability       | reasonCode
					 1     | KNEE_OSTEOARTHRITIS | 12     | true      | true      | false      | false   | false   | false    | false    | false    | false | NOT_SUITABLE      | ACTIVE_INFECTION
					 2     | KNEE_OSTEOARTHRITIS | 12     | true      | false     | true       | false   | false   | false    | false    | false    | false | NOT_SUITABLE      | MALIGNANCY_AT_SITE
					 3     | KNEE_OSTEOARTHRITIS | 12     | true      | false     | false      | true    | false   | false    | false    | false    | false | NOT_SUITABLE      | IMAGING_RED_FLAG
					 4     | KNEE_OSTEOARTHRITIS | 12     | true      | false     | false      | false   | true    | false    | false    | false    | false | NOT_SUITABLE      | ALLERGY_TO_INJECTATE
					 5     | KNEE_OSTEOARTHRITIS | 2      | true      | false     | false      | false   | false   | false    | false    | false    | false | NOT_SUITABLE      | NOT_CHRONIC
					 5     | LOW_BACK_PAIN       | 0      | true      | false     | false      | false   | false   | false    | false    | false    | false | NOT_SUITABLE      | NOT_CHRONIC
					 6     | KNEE_OSTEOARTHRITIS | 12     | true      | false     | false      | false   | false   | false    | false    | false    | true  | SPECIALIST_REVIEW | SURGICAL_OPINION_NEEDED
					 7     | KNEE_OSTEOARTHRITIS | 12     | true      | false     | false      | false   | false   | true     | false    | false    | false | SPECIALIST_REVIEW | BLEEDING_RISK
					 8     | KNEE_OSTEOARTHRITIS | 12     | true      | false     | false      | false   | false   | false    | true     | false    | false | SPECIALIST_REVIEW | PREGNANCY
					 9     | KNEE_OSTEOARTHRITIS | 12     | true      | false     | false      | false   | false   | false    | false    | true     | false | SPECIALIST_REVIEW | GLYCAEMIC_CONTROL
					10     | OTHER               | 12     | true      | false     | false      | false   | false   | false    | false    | false    | false | SPECIALIST_REVIEW | CONDITION_OUTSIDE_PROTOCOL
					11     | KNEE_OSTEOARTHRITIS | 12     | false     | false     | false      | false   | false   | false    | false    | false    | false | SPECIALIST_REVIEW | CONSERVATIVE_CARE_NOT_TRIED
					12     | KNEE_OSTEOARTHRITIS | 12     | true      | false     | false      | false   | false   | false    | false    | false    | false | SUITABLE          | INDICATED
					12     | LOW_BACK_PAIN       | 3      | true      | false     | false      | false   | false   | false    | false    | false    | false | SUITABLE          | INDICATED
					""")
	void eachRuleDecidesOnItsOwn(int rule, String condition, int painDurationMonths, boolean priorConservativeCare,
			boolean activeInfectionAtSite, boolean malignancyAtSite, boolean imagingRedFlag, boolean allergyToInjectate,
			boolean anticoagulated, boolean pregnant, boolean uncontrolledDiabetes, boolean fullThicknessTear,
			String suitability, String reasonCode) {
		assertDecides(rule, suitability, reasonCode,
				ReferralProcessDriver.variables("condition", condition, "painDurationMonths", painDurationMonths,
						"priorConservativeCare", priorConservativeCare, "activeInfectionAtSite", activeInfectionAtSite,
						"malignancyAtSite", malignancyAtSite, "imagingRedFlag", imagingRedFlag, "allergyToInjectate",
						allergyToInjectate, "anticoagulated", anticoagulated, "pregnant", pregnant,
						"uncontrolledDiabetes", uncontrolledDiabetes, "fullThicknessTear", fullThicknessTear));
	}

	/**
	 * Each row also meets the condition of every later rule: the first rule in table
	 * order decides, so a contraindication is never hidden by a caution.
	 */
	@ParameterizedTest(name = "rule {0} wins over every later rule: {13}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# rule | condition          | months | priorCare | infection | malignancy | redFlag | allergy | anticoag | pregnant | diabetes | tear  | suitability       | reasonCode
					 1     | OTHER               | 1      | false     | true      | true       | true    | true    | true     | true     | true     | true  | NOT_SUITABLE      | ACTIVE_INFECTION
					 2     | OTHER               | 1      | false     | false     | true       | true    | true    | true     | true     | true     | true  | NOT_SUITABLE      | MALIGNANCY_AT_SITE
					 3     | OTHER               | 1      | false     | false     | false      | true    | true    | true     | true     | true     | true  | NOT_SUITABLE      | IMAGING_RED_FLAG
					 4     | OTHER               | 1      | false     | false     | false      | false   | true    | true     | true     | true     | true  | NOT_SUITABLE      | ALLERGY_TO_INJECTATE
					 5     | OTHER               | 1      | false     | false     | false      | false   | false   | true     | true     | true     | true  | NOT_SUITABLE      | NOT_CHRONIC
					 6     | OTHER               | 3      | false     | false     | false      | false   | false   | true     | true     | true     | true  | SPECIALIST_REVIEW | SURGICAL_OPINION_NEEDED
					 7     | OTHER               | 3      | false     | false     | false      | false   | false   | true     | true     | true     | false | SPECIALIST_REVIEW | BLEEDING_RISK
					 8     | OTHER               | 3      | false     | false     | false      | false   | false   | false    | true     | true     | false | SPECIALIST_REVIEW | PREGNANCY
					 9     | OTHER               | 3      | false     | false     | false      | false   | false   | false    | false    | true     | false | SPECIALIST_REVIEW | GLYCAEMIC_CONTROL
					10     | OTHER               | 3      | false     | false     | false      | false   | false   | false    | false    | false    | false | SPECIALIST_REVIEW | CONDITION_OUTSIDE_PROTOCOL
					11     | NECK_PAIN           | 3      | false     | false     | false      | false   | false   | false    | false    | false    | false | SPECIALIST_REVIEW | CONSERVATIVE_CARE_NOT_TRIED
					""")
	void earlierRulesWinOverLaterOnes(int rule, String condition, int painDurationMonths, boolean priorConservativeCare,
			boolean activeInfectionAtSite, boolean malignancyAtSite, boolean imagingRedFlag, boolean allergyToInjectate,
			boolean anticoagulated, boolean pregnant, boolean uncontrolledDiabetes, boolean fullThicknessTear,
			String suitability, String reasonCode) {
		eachRuleDecidesOnItsOwn(rule, condition, painDurationMonths, priorConservativeCare, activeInfectionAtSite,
				malignancyAtSite, imagingRedFlag, allergyToInjectate, anticoagulated, pregnant, uncontrolledDiabetes,
				fullThicknessTear, suitability, reasonCode);
	}

	private void assertDecides(int rule, String suitability, String reasonCode, Map<String, Object> variables) {
		DmnDecisionTableResult result = engine.getDecisionService().evaluateDecisionTableByKey(KEY, variables);

		assertThat(result).hasSize(1);
		assertThat(result.getSingleResult().getEntryMap())
			.containsExactlyInAnyOrderEntriesOf(Map.of("suitability", suitability, "reasonCode", reasonCode));
		assertThat(matchedRule()).isEqualTo("Rule_Suitability_%02d".formatted(rule));
	}

	/** The rule that decided, as history level FULL records it. */
	static String matchedRule() {
		DecisionDefinition definition = engine.getRepositoryService()
			.createDecisionDefinitionQuery()
			.decisionDefinitionKey(KEY)
			.latestVersion()
			.singleResult();
		HistoricDecisionInstance evaluation = engine.getHistoryService()
			.createHistoricDecisionInstanceQuery()
			.decisionDefinitionId(definition.getId())
			.includeOutputs()
			.singleResult();
		return evaluation.getOutputs()
			.stream()
			.map(HistoricDecisionOutputInstance::getRuleId)
			.distinct()
			.reduce((first, second) -> first + "," + second)
			.orElse("none");
	}

}
