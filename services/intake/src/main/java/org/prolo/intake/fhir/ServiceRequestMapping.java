package org.prolo.intake.fhir;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.StringType;
import org.prolo.intake.referral.Condition;
import org.prolo.intake.referral.PlainText;
import org.prolo.intake.referral.Referral;
import org.prolo.referralstatus.ReferralStatus;
import org.prolo.intake.referral.Urgency;
import org.prolo.intake.submission.SubmitReferralRequest;

/**
 * A ServiceRequest as the JSON API's request, so that both go through the same
 * validation, hash and use case; and a referral back as a ServiceRequest. Where FHIR
 * carries a value elsewhere than the JSON does (the referrer's email, the patient's
 * identity), it is read from the contained resource the reference points at.
 */
final class ServiceRequestMapping {

	static final String REFERRER_SYSTEM = "https://prolo.example/fhir/sid/referrer";

	static final String IDENTIFIER_TYPES = "http://terminology.hl7.org/CodeSystem/v2-0203";

	static final String PLACER = "PLAC";

	static final String PSEUDONYM_SYSTEM = "https://prolo.example/fhir/sid/patient-pseudonym";

	private static final Pattern SCTID = Pattern.compile("[1-9][0-9]{5,17}");

	private static final String NOT_SNOMED = "must be coded in SNOMED CT (" + ConditionCodes.SNOMED + ")";

	private ServiceRequestMapping() {
	}

	/**
	 * The request, and what is wrong with the ServiceRequest beyond the policy's rules.
	 */
	record Mapped(SubmitReferralRequest request, List<Problem> problems) {
	}

	static Mapped toRequest(ServiceRequest resource) {
		var problems = new ArrayList<Problem>();
		var referrer = referrer(resource, problems);
		var patient = patient(resource, problems);
		Map<ClinicalExtension, Object> clinical = new LinkedHashMap<>();
		for (ClinicalExtension extension : ClinicalExtension.values()) {
			clinical.put(extension, extensionValue(resource, extension, problems));
		}
		var request = new SubmitReferralRequest(referrer, patient, condition(resource, problems),
				bodySite(resource, problems), (Integer) clinical.get(ClinicalExtension.PAIN_DURATION_MONTHS),
				(Boolean) clinical.get(ClinicalExtension.PRIOR_CONSERVATIVE_CARE),
				(Boolean) clinical.get(ClinicalExtension.ANTICOAGULATED),
				(Boolean) clinical.get(ClinicalExtension.ALLERGY_TO_INJECTATE),
				(Boolean) clinical.get(ClinicalExtension.PREGNANT),
				(Boolean) clinical.get(ClinicalExtension.UNCONTROLLED_DIABETES),
				(Boolean) clinical.get(ClinicalExtension.ACTIVE_INFECTION_AT_SITE),
				(Boolean) clinical.get(ClinicalExtension.MALIGNANCY_AT_SITE), urgency(resource), notes(resource),
				referrerReference(resource));
		plainTextOnly(request, problems);
		return new Mapped(request, List.copyOf(problems));
	}

	private static SubmitReferralRequest.Referrer referrer(ServiceRequest resource, List<Problem> problems) {
		Reference requester = resource.getRequester();
		Optional<Resource> target = contained(resource, requester);
		PractitionerRole role = target.filter(PractitionerRole.class::isInstance)
			.map(PractitionerRole.class::cast)
			.orElse(null);
		Practitioner practitioner = target.filter(Practitioner.class::isInstance)
			.map(Practitioner.class::cast)
			.or(() -> Optional.ofNullable(role)
				.flatMap(r -> contained(resource, r.getPractitioner()))
				.filter(Practitioner.class::isInstance)
				.map(Practitioner.class::cast))
			.orElse(null);
		if (requester.hasReference() && role == null && practitioner == null) {
			problems.add(new Problem("referrer.name", IssueType.NOTFOUND,
					"must be given: the requester must refer to a contained Practitioner or PractitionerRole (#id)"));
		}
		String id = firstNonNull(requester.hasIdentifier() ? requester.getIdentifier().getValue() : null,
				(role != null) ? identifierValue(role.getIdentifier()) : null,
				(practitioner != null) ? identifierValue(practitioner.getIdentifier()) : null);
		String name = firstNonNull((practitioner != null) ? name(practitioner.getName()) : null,
				requester.getDisplay());
		String email = firstNonNull((role != null) ? email(role.getTelecom()) : null,
				(practitioner != null) ? email(practitioner.getTelecom()) : null);
		return new SubmitReferralRequest.Referrer(id, name, email);
	}

	private static SubmitReferralRequest.Patient patient(ServiceRequest resource, List<Problem> problems) {
		Reference subject = resource.getSubject();
		Patient patient = contained(resource, subject).filter(Patient.class::isInstance)
			.map(Patient.class::cast)
			.orElse(null);
		if (subject.hasReference() && patient == null) {
			problems.add(new Problem("patient.name", IssueType.NOTFOUND,
					"must be given: the subject must refer to a contained Patient (#id)"));
		}
		String pseudonym = subject.hasIdentifier() ? subject.getIdentifier().getValue() : null;
		if (pseudonym == null && patient != null) {
			pseudonym = patient.getIdentifier()
				.stream()
				.filter(identifier -> PSEUDONYM_SYSTEM.equals(identifier.getSystem()))
				.map(Identifier::getValue)
				.filter(Objects::nonNull)
				.findFirst()
				.orElse(null);
		}
		if (patient == null) {
			return new SubmitReferralRequest.Patient(pseudonym, null, null, null);
		}
		return new SubmitReferralRequest.Patient(pseudonym, name(patient.getName()),
				birthDate(patient.getBirthDateElement(), problems), address(patient.getAddress()));
	}

	private static LocalDate birthDate(DateType birthDate, List<Problem> problems) {
		if (birthDate.isEmpty() || birthDate.getValueAsString() == null) {
			return null;
		}
		if (birthDate.getPrecision() != TemporalPrecisionEnum.DAY) {
			problems.add(new Problem("patient.birthDate", IssueType.VALUE, "must be a full date (YYYY-MM-DD)"));
			return null;
		}
		try {
			return LocalDate.parse(birthDate.getValueAsString());
		}
		catch (DateTimeParseException ex) {
			problems.add(new Problem("patient.birthDate", IssueType.VALUE, "must be a full date (YYYY-MM-DD)"));
			return null;
		}
	}

	/**
	 * The first SNOMED CT reason that names a policy condition; any other SNOMED CT
	 * concept is OTHER.
	 */
	private static String condition(ServiceRequest resource, List<Problem> problems) {
		if (!resource.hasReasonCode()) {
			return null;
		}
		List<Coding> snomed = snomedCodings(resource.getReasonCode());
		if (snomed.isEmpty()) {
			problems.add(new Problem("condition", IssueType.CODEINVALID, NOT_SNOMED));
			return null;
		}
		if (snomed.stream().anyMatch(coding -> !isSctid(coding.getCode()))) {
			problems.add(new Problem("condition", IssueType.CODEINVALID, "must be SNOMED CT concept ids"));
			return null;
		}
		Set<String> sites = snomedCodings(resource.getBodySite()).stream()
			.map(Coding::getCode)
			.collect(Collectors.toSet());
		return snomed.stream()
			.map(coding -> ConditionCodes.conditionOf(coding.getCode(), sites))
			.filter(condition -> condition != Condition.OTHER)
			.findFirst()
			.orElse(Condition.OTHER)
			.name();
	}

	/** The first body site, as its text, else as its SNOMED CT display. */
	private static String bodySite(ServiceRequest resource, List<Problem> problems) {
		if (!resource.hasBodySite()) {
			return null;
		}
		CodeableConcept site = resource.getBodySiteFirstRep();
		Optional<Coding> snomed = snomedCodings(List.of(site)).stream().findFirst();
		if (snomed.isEmpty()) {
			problems.add(new Problem("bodySite", IssueType.CODEINVALID, NOT_SNOMED));
			return null;
		}
		if (!isSctid(snomed.get().getCode())) {
			problems.add(new Problem("bodySite", IssueType.CODEINVALID, "must be a SNOMED CT concept id"));
			return null;
		}
		if (site.hasText()) {
			return site.getText();
		}
		return snomed.get().hasDisplay() ? snomed.get().getDisplay() : "SNOMED CT " + snomed.get().getCode();
	}

	private static Object extensionValue(ServiceRequest resource, ClinicalExtension extension, List<Problem> problems) {
		List<Extension> found = resource.getExtensionsByUrl(extension.url());
		if (found.isEmpty()) {
			return null;
		}
		if (found.size() > 1) {
			problems.add(new Problem(extension.field(), IssueType.STRUCTURE, "must appear once"));
			return null;
		}
		var value = found.get(0).getValue();
		if (extension.isInteger()) {
			if (value instanceof IntegerType integer && integer.getValue() != null) {
				return integer.getValue();
			}
			problems.add(new Problem(extension.field(), IssueType.STRUCTURE, "must have a valueInteger"));
			return null;
		}
		if (value instanceof BooleanType bool && bool.getValue() != null) {
			return bool.getValue();
		}
		problems.add(new Problem(extension.field(), IssueType.STRUCTURE, "must have a valueBoolean"));
		return null;
	}

	/**
	 * routine when absent, as FHIR reads a missing priority; asap and stat are urgent.
	 */
	private static String urgency(ServiceRequest resource) {
		if (!resource.hasPriority() || resource.getPriority() == ServiceRequestPriority.ROUTINE) {
			return Urgency.ROUTINE.name();
		}
		return Urgency.URGENT.name();
	}

	/**
	 * The physician's own reference is the placer's identifier (type PLAC), as an EHR
	 * sends its order number; the first such identifier counts.
	 */
	private static String referrerReference(ServiceRequest resource) {
		return resource.getIdentifier()
			.stream()
			.filter(identifier -> identifier.getType()
				.getCoding()
				.stream()
				.anyMatch(c -> IDENTIFIER_TYPES.equals(c.getSystem()) && PLACER.equals(c.getCode())))
			.map(Identifier::getValue)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static String notes(ServiceRequest resource) {
		String notes = resource.getNote()
			.stream()
			.map(Annotation::getText)
			.filter(Objects::nonNull)
			.collect(Collectors.joining("\n\n"));
		return notes.isEmpty() ? null : notes;
	}

	private static void plainTextOnly(SubmitReferralRequest request, List<Problem> problems) {
		var referrer = request.referrer();
		var patient = request.patient();
		var texts = new LinkedHashMap<String, String>();
		texts.put("referrer.id", referrer.id());
		texts.put("referrer.name", referrer.name());
		texts.put("referrer.email", referrer.email());
		texts.put("patient.pseudonym", patient.pseudonym());
		texts.put("patient.name", patient.name());
		texts.put("patient.address", patient.address());
		texts.put("bodySite", request.bodySite());
		texts.put("notes", request.notes());
		texts.forEach((field, text) -> {
			if (text != null && !PlainText.isPlain(text)) {
				problems.add(new Problem(field, IssueType.VALUE, PlainText.MESSAGE));
			}
		});
	}

	/**
	 * A referral as the ServiceRequest it is, with the referrer and patient contained.
	 */
	static ServiceRequest toResource(Referral referral) {
		var resource = new ServiceRequest();
		resource.setId(referral.id());
		resource.setStatus(statusOf(referral.status()));
		resource.setIntent(ServiceRequestIntent.ORDER);
		resource.setPriority((referral.urgency() == Urgency.URGENT) ? ServiceRequestPriority.URGENT
				: ServiceRequestPriority.ROUTINE);
		resource.setAuthoredOn(Date.from(referral.submittedAt()));
		if (referral.referrerReference() != null) {
			Identifier placer = resource.addIdentifier().setValue(referral.referrerReference());
			placer.getType().addCoding().setSystem(IDENTIFIER_TYPES).setCode(PLACER);
		}

		var referrer = new Practitioner();
		referrer.setId("referrer");
		referrer.addIdentifier().setSystem(REFERRER_SYSTEM).setValue(referral.referrer().id());
		referrer.addName().setText(referral.referrer().name());
		referrer.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue(referral.referrer().email());
		resource.addContained(referrer);
		resource.setRequester(new Reference("#referrer")
			.setIdentifier(new Identifier().setSystem(REFERRER_SYSTEM).setValue(referral.referrer().id())));

		var patient = new Patient();
		patient.setId("patient");
		patient.addIdentifier().setSystem(PSEUDONYM_SYSTEM).setValue(referral.patient().pseudonym());
		patient.addName().setText(referral.patient().name());
		patient.setBirthDateElement(new DateType(referral.patient().birthDate().toString()));
		patient.addAddress().setText(referral.patient().address());
		resource.addContained(patient);
		resource.setSubject(new Reference("#patient")
			.setIdentifier(new Identifier().setSystem(PSEUDONYM_SYSTEM).setValue(referral.patient().pseudonym())));

		var clinical = referral.clinical();
		resource.addReasonCode(ConditionCodes.reasonOf(clinical.condition()));
		resource.addBodySite().setText(clinical.bodySite());
		for (ClinicalExtension extension : ClinicalExtension.values()) {
			Object value = extension.valueIn(clinical);
			resource.addExtension(extension.url(),
					(value instanceof Integer integer) ? new IntegerType(integer) : new BooleanType((Boolean) value));
		}
		if (referral.notes() != null) {
			resource.addNote().setText(referral.notes());
		}
		return resource;
	}

	/**
	 * Open referrals are active; a planned course completes the request, any other ending
	 * revokes it (the Task says why).
	 */
	static ServiceRequestStatus statusOf(ReferralStatus status) {
		if (!status.isClosed()) {
			return ServiceRequestStatus.ACTIVE;
		}
		return (status == ReferralStatus.COURSE_PLANNED) ? ServiceRequestStatus.COMPLETED
				: ServiceRequestStatus.REVOKED;
	}

	/** The contained resource a local reference (#id) points at. */
	static Optional<Resource> contained(ServiceRequest resource, Reference reference) {
		if (reference.getResource() instanceof Resource target) {
			return Optional.of(target);
		}
		if (!reference.hasReference() || !reference.getReference().startsWith("#")) {
			return Optional.empty();
		}
		String id = reference.getReference().substring(1);
		return resource.getContained()
			.stream()
			.filter(candidate -> id.equals(stripHash(candidate.getIdElement().getIdPart())))
			.findFirst();
	}

	private static String stripHash(String id) {
		return (id != null && id.startsWith("#")) ? id.substring(1) : id;
	}

	private static List<Coding> snomedCodings(List<CodeableConcept> concepts) {
		return concepts.stream()
			.flatMap(concept -> concept.getCoding().stream())
			.filter(coding -> ConditionCodes.SNOMED.equals(coding.getSystem()))
			.toList();
	}

	private static boolean isSctid(String code) {
		return code != null && SCTID.matcher(code).matches();
	}

	private static String identifierValue(List<Identifier> identifiers) {
		return identifiers.stream().map(Identifier::getValue).filter(Objects::nonNull).findFirst().orElse(null);
	}

	private static String name(List<HumanName> names) {
		return names.stream()
			.map(HumanName::getNameAsSingleString)
			.filter(name -> name != null && !name.isBlank())
			.findFirst()
			.orElse(null);
	}

	private static String email(List<ContactPoint> telecom) {
		return telecom.stream()
			.filter(point -> point.getSystem() == ContactPointSystem.EMAIL)
			.map(ContactPoint::getValue)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static String address(List<Address> addresses) {
		return addresses.stream().map(address -> {
			if (address.hasText()) {
				return address.getText();
			}
			return Stream
				.concat(address.getLine().stream().map(StringType::getValue),
						Stream.of(address.getPostalCode(), address.getCity(), address.getCountry()))
				.filter(part -> part != null && !part.isBlank())
				.collect(Collectors.joining(", "));
		}).filter(text -> !text.isBlank()).findFirst().orElse(null);
	}

	@SafeVarargs
	private static <T> T firstNonNull(T... values) {
		for (T value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
