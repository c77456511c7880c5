package org.prolo.intake.referral.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that encrypt the patient's data in the database: {@code keys} maps a key id to
 * 32 bytes in base64, {@code activeKeyId} names the one that encrypts new values. There
 * is no default: only the demo profile ships a (public, hence worthless) key.
 */
@ConfigurationProperties(PatientDataProperties.PREFIX)
record PatientDataProperties(Map<String, String> keys, String activeKeyId) {

	static final String PREFIX = "intake.patient-data";

	/**
	 * SHA-256 of the demo profile's key: published with the repository, so it protects
	 * nothing and is refused outside the demo.
	 */
	static final String DEMO_KEY_SHA256 = "0f014d65c3db7642dc08208ab61a686c312ec10537bba08d746e47c3b1cf2509";

	private static final String HOW = "; intake keeps the patient's name, birth date and address encrypted with "
			+ "AES-256-GCM and refuses to start without its keys (" + PREFIX + ".keys.<id>: 32 random bytes in "
			+ "base64, e.g. from 'openssl rand -base64 32'; " + PREFIX + ".active-key-id: the id that encrypts new "
			+ "values). The demo profile has a demo key; docs/data-at-rest.md explains keys and rotation.";

	/**
	 * The cipher these settings describe, or an error that names the setting to fix; the
	 * demo key only when {@code demo}.
	 */
	PatientDataCipher cipher(boolean demo) {
		if (activeKeyId == null || activeKeyId.isBlank()) {
			throw new IllegalStateException(PREFIX + ".active-key-id is not set" + HOW);
		}
		Map<String, String> configured = (keys != null) ? keys : Map.of();
		if (!configured.containsKey(activeKeyId)) {
			throw new IllegalStateException(
					PREFIX + ".keys." + activeKeyId + " is not set, but " + PREFIX + ".active-key-id names it" + HOW);
		}
		Map<String, byte[]> decoded = new LinkedHashMap<>();
		configured.forEach((id, base64) -> {
			if (!PatientDataCipher.KEY_ID.matcher(id).matches()) {
				throw new IllegalStateException(PREFIX + ".keys." + id + ": a key id may hold only letters, digits "
						+ "and '-', at most 32 of them" + HOW);
			}
			byte[] key;
			try {
				key = Base64.getDecoder().decode((base64 != null) ? base64.strip() : "");
			}
			catch (IllegalArgumentException e) {
				throw new IllegalStateException(PREFIX + ".keys." + id + " is not base64" + HOW);
			}
			if (key.length != PatientDataCipher.KEY_BYTES) {
				throw new IllegalStateException(PREFIX + ".keys." + id + " has " + key.length + " bytes, not "
						+ PatientDataCipher.KEY_BYTES + HOW);
			}
			if (!demo && DEMO_KEY_SHA256.equals(sha256(key))) {
				throw new IllegalStateException(PREFIX + ".keys." + id + " is the demo profile's key, published with "
						+ "the repository; outside the demo profile configure a key of your own" + HOW);
			}
			decoded.put(id, key);
		});
		return new PatientDataCipher(decoded, activeKeyId);
	}

	private static String sha256(byte[] key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available in this JDK", e);
		}
	}

}
