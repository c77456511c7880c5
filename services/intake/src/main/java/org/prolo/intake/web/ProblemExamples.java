package org.prolo.intake.web;

/** Examples of problem responses for the OpenAPI description. */
public final class ProblemExamples {

	public static final String NOT_FOUND = """
			{"type":"https://prolo.example/problems/referral-not-found","title":"Referral not found","status":404,
			 "detail":"No referral R-0f8fad5b-d9cb-469f-a165-70867728950e","instance":"/api/referrals/R-0f8fad5b-d9cb-469f-a165-70867728950e",
			 "referralId":"R-0f8fad5b-d9cb-469f-a165-70867728950e"}
			""";

	public static final String CONFLICT = """
			{"type":"https://prolo.example/problems/referral-state-conflict","title":"Not possible in the referral's status",
			 "status":409,"detail":"Referral R-0f8fad5b-d9cb-469f-a165-70867728950e is WITHDRAWN: it is already closed",
			 "instance":"/api/referrals/R-0f8fad5b-d9cb-469f-a165-70867728950e/withdrawal",
			 "referralId":"R-0f8fad5b-d9cb-469f-a165-70867728950e","referralStatus":"WITHDRAWN"}
			""";

	public static final String INVALID = """
			{"type":"https://prolo.example/problems/invalid-request","title":"Invalid request","status":400,
			 "detail":"1 field(s) are invalid.","errors":[{"field":"answer","message":"must not be blank"}]}
			""";

	public static final String FORBIDDEN = """
			{"type":"https://prolo.example/problems/forbidden","title":"Forbidden","status":403,
			 "detail":"1 field(s) ask for what you may not do.","instance":"/api/referrals",
			 "errors":[{"field":"referrer.id","message":"must be your own id (dr-ada): physicians refer in their own name"}]}
			""";

	public static final String TOO_MANY_SUBMISSIONS = """
			{"type":"https://prolo.example/problems/too-many-submissions","title":"Too many submissions","status":429,
			 "detail":"At most 30 referrals a minute per physician (10 at once); try again in 2 s.","instance":"/api/referrals",
			 "retryAfterSeconds":2}
			""";

	public static final String REFERRAL = """
			{"id":"R-0f8fad5b-d9cb-469f-a165-70867728950e","status":"INFO_REQUESTED","fhirStatus":"on-hold",
			 "referrer":{"id":"dr-ada","name":"Dr Ada Lovelace","email":"ada@referrers.example"},
			 "patient":{"pseudonym":"P-1a2b3c4d","name":"Demo Patient 1","birthDate":"1970-01-01","address":"1 Demo Street"},
			 "condition":"KNEE_OSTEOARTHRITIS","bodySite":"left knee","painDurationMonths":9,"priorConservativeCare":true,
			 "anticoagulated":false,"allergyToInjectate":false,"pregnant":false,"uncontrolledDiabetes":false,
			 "activeInfectionAtSite":false,"malignancyAtSite":false,"urgency":"ROUTINE","notes":"free text",
			 "submittedAt":"2025-01-15T09:30:00.123Z","openQuestion":"Please attach the latest knee X-ray report."}
			""";

	private ProblemExamples() {
	}

}
