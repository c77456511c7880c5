package org.prolo.intake.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an Idempotency-Key is compared with when it comes again: the SHA-256 of the
 * request as parsed, not as sent, so that whitespace or property order do not make a
 * retry look like another request. Every API that submits (JSON, FHIR) maps its body to a
 * {@link SubmitReferralRequest} first, so the same referral under the same key is a
 * replay whichever API it came through, provided both hash with the application's
 * ObjectMapper.
 */
public final class SubmissionHash {

	private final ObjectMapper json;

	public SubmissionHash(ObjectMapper json) {
		this.json = json;
	}

	public String of(SubmitReferralRequest request) {
		try {
			byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (JsonProcessingException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Cannot hash the request", ex);
		}
	}

}
