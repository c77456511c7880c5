package org.prolo.portal.submission;

/**
 * The form as the browser sent it. Every value is text, so that whatever was typed comes
 * back into the form after a failed submit and no binding error (which Spring would log
 * with the rejected value, patient data included) can happen. Yes/no questions are "yes"
 * or "no".
 */
public class ReferralForm {

	private String idempotencyKey;

	private String referrerName;

	private String referrerEmail;

	private String patientName;

	private String patientBirthDate;

	private String patientAddress;

	private String patientPseudonym;

	private String condition;

	private String bodySite;

	private String painDurationMonths;

	private String priorConservativeCare;

	private String anticoagulated;

	private String allergyToInjectate;

	private String pregnant;

	private String uncontrolledDiabetes;

	private String activeInfectionAtSite;

	private String malignancyAtSite;

	private String urgency;

	private String notes;

	private String referrerReference;

	/** A yes/no answer by field name, for the template's loop over the questions. */
	public String answer(String flag) {
		return switch (flag) {
			case "priorConservativeCare" -> this.priorConservativeCare;
			case "anticoagulated" -> this.anticoagulated;
			case "allergyToInjectate" -> this.allergyToInjectate;
			case "pregnant" -> this.pregnant;
			case "uncontrolledDiabetes" -> this.uncontrolledDiabetes;
			case "activeInfectionAtSite" -> this.activeInfectionAtSite;
			case "malignancyAtSite" -> this.malignancyAtSite;
			default -> throw new IllegalArgumentException("No yes/no question " + flag);
		};
	}

	// Nothing typed into the form goes into toString: it may end up in a log line.
	@Override
	public String toString() {
		return "ReferralForm[" + this.idempotencyKey + "]";
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

	public String getReferrerName() {
		return this.referrerName;
	}

	public void setReferrerName(String referrerName) {
		this.referrerName = referrerName;
	}

	public String getReferrerEmail() {
		return this.referrerEmail;
	}

	public void setReferrerEmail(String referrerEmail) {
		this.referrerEmail = referrerEmail;
	}

	public String getPatientName() {
		return this.patientName;
	}

	public void setPatientName(String patientName) {
		this.patientName = patientName;
	}

	public String getPatientBirthDate() {
		return this.patientBirthDate;
	}

	public void setPatientBirthDate(String patientBirthDate) {
		this.patientBirthDate = patientBirthDate;
	}

	public String getPatientAddress() {
		return this.patientAddress;
	}

	public void setPatientAddress(String patientAddress) {
		this.patientAddress = patientAddress;
	}

	public String getPatientPseudonym() {
		return this.patientPseudonym;
	}

	public void setPatientPseudonym(String patientPseudonym) {
		this.patientPseudonym = patientPseudonym;
	}

	public String getCondition() {
		return this.condition;
	}

	public void setCondition(String condition) {
		this.condition = condition;
	}

	public String getBodySite() {
		return this.bodySite;
	}

	public void setBodySite(String bodySite) {
		this.bodySite = bodySite;
	}

	public String getPainDurationMonths() {
		return this.painDurationMonths;
	}

	public void setPainDurationMonths(String painDurationMonths) {
		this.painDurationMonths = painDurationMonths;
	}

	public String getPriorConservativeCare() {
		return this.priorConservativeCare;
	}

	public void setPriorConservativeCare(String priorConservativeCare) {
		this.priorConservativeCare = priorConservativeCare;
	}

	public String getAnticoagulated() {
		return this.anticoagulated;
	}

	public void setAnticoagulated(String anticoagulated) {
		this.anticoagulated = anticoagulated;
	}

	public String getAllergyToInjectate() {
		return this.allergyToInjectate;
	}

	public void setAllergyToInjectate(String allergyToInjectate) {
		this.allergyToInjectate = allergyToInjectate;
	}

	public String getPregnant() {
		return this.pregnant;
	}

	public void setPregnant(String pregnant) {
		this.pregnant = pregnant;
	}

	public String getUncontrolledDiabetes() {
		return this.uncontrolledDiabetes;
	}

	public void setUncontrolledDiabetes(String uncontrolledDiabetes) {
		this.uncontrolledDiabetes = uncontrolledDiabetes;
	}

	public String getActiveInfectionAtSite() {
		return this.activeInfectionAtSite;
	}

	public void setActiveInfectionAtSite(String activeInfectionAtSite) {
		this.activeInfectionAtSite = activeInfectionAtSite;
	}

	public String getMalignancyAtSite() {
		return this.malignancyAtSite;
	}

	public void setMalignancyAtSite(String malignancyAtSite) {
		this.malignancyAtSite = malignancyAtSite;
	}

	public String getUrgency() {
		return this.urgency;
	}

	public void setUrgency(String urgency) {
		this.urgency = urgency;
	}

	public String getReferrerReference() {
		return this.referrerReference;
	}

	public void setReferrerReference(String referrerReference) {
		this.referrerReference = referrerReference;
	}

	public String getNotes() {
		return this.notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

}
