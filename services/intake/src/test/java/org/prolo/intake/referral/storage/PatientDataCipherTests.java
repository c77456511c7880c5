package org.prolo.intake.referral.storage;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatientDataCipherTests {

	static final byte[] KEY_A = key(1);

	static final byte[] KEY_B = key(2);

	final PatientDataCipher cipher = new PatientDataCipher(Map.of("a", KEY_A), "a");

	@Test
	void decryptsWhatItEncryptedForTheSameReferralAndColumn() {
		String stored = cipher.encrypt("Zoë Ångström-Łukasz 👩‍⚕️", "R-1", PatientColumns.NAME);

		assertThat(stored).startsWith("v1:a:").doesNotContain("Zo");
		assertThat(cipher.decrypt(stored, "R-1", PatientColumns.NAME)).isEqualTo("Zoë Ångström-Łukasz 👩‍⚕️");
	}

	@Test
	void theSameValueEncryptsDifferentlyEachTimeWithAFreshNonce() {
		String first = cipher.encrypt("1970-01-01", "R-1", PatientColumns.BIRTH_DATE);
		String second = cipher.encrypt("1970-01-01", "R-1", PatientColumns.BIRTH_DATE);

		assertThat(first).isNotEqualTo(second);
		assertThat(payload(first)).hasSize(12 + "1970-01-01".length() + 16);
		assertThat(java.util.Arrays.copyOf(payload(first), 12))
			.isNotEqualTo(java.util.Arrays.copyOf(payload(second), 12));
	}

	@Test
	void refusesAnAlteredCiphertext() {
		String stored = cipher.encrypt("1 Demo Street", "R-1", PatientColumns.ADDRESS);
		byte[] payload = payload(stored);
		payload[14] ^= 0x01;
		String altered = "v1:a:" + Base64.getEncoder().encodeToString(payload);

		assertThatThrownBy(() -> cipher.decrypt(altered, "R-1", PatientColumns.ADDRESS))
			.isInstanceOf(PatientDataUnreadableException.class)
			.hasMessageContaining("R-1")
			.hasMessageContaining("does not authenticate");
	}

	@Test
	void refusesAValueMovedToAnotherReferralOrColumn() {
		String stored = cipher.encrypt("Demo Patient 1", "R-1", PatientColumns.NAME);

		assertThatThrownBy(() -> cipher.decrypt(stored, "R-2", PatientColumns.NAME))
			.isInstanceOf(PatientDataUnreadableException.class)
			.hasMessageContaining("moved from another referral");
		assertThatThrownBy(() -> cipher.decrypt(stored, "R-1", PatientColumns.ADDRESS))
			.isInstanceOf(PatientDataUnreadableException.class);
	}

	@Test
	void refusesAValueUnderAKeyItDoesNotHave() {
		String stored = new PatientDataCipher(Map.of("old", KEY_B), "old").encrypt("Demo Patient 1", "R-1",
				PatientColumns.NAME);

		assertThatThrownBy(() -> cipher.decrypt(stored, "R-1", PatientColumns.NAME))
			.isInstanceOf(PatientDataUnreadableException.class)
			.hasMessageContaining("key 'old', which is not configured under intake.patient-data.keys")
			.hasMessageNotContaining("Demo Patient");
	}

	@Test
	void refusesAValueFromADifferentKeyUnderTheSameId() {
		String stored = new PatientDataCipher(Map.of("a", KEY_B), "a").encrypt("Demo Patient 1", "R-1",
				PatientColumns.NAME);

		assertThatThrownBy(() -> cipher.decrypt(stored, "R-1", PatientColumns.NAME))
			.isInstanceOf(PatientDataUnreadableException.class)
			.hasMessageContaining("key 'a' does not authenticate it");
	}

	@Test
	void neverPassesPlainTextThrough() {
		assertThatThrownBy(() -> cipher.decrypt("Demo Patient 1", "R-1", PatientColumns.NAME))
			.isInstanceOf(PatientDataUnreadableException.class)
			.hasMessageContaining("not in the v1:<keyId>:<base64> format")
			.hasMessageNotContaining("Demo Patient");
		assertThatThrownBy(() -> cipher.decrypt("v1:a:!!!", "R-1", PatientColumns.NAME))
			.isInstanceOf(PatientDataUnreadableException.class);
		assertThatThrownBy(() -> cipher.decrypt("v1:a:AAAA", "R-1", PatientColumns.NAME))
			.isInstanceOf(PatientDataUnreadableException.class)
			.hasMessageContaining("too short");
	}

	@Test
	void afterRotationNewValuesUseTheActiveKeyAndOldOnesStillRead() {
		String underA = cipher.encrypt("Demo Patient 1", "R-1", PatientColumns.NAME);
		PatientDataCipher rotated = new PatientDataCipher(Map.of("a", KEY_A, "b", KEY_B), "b");

		String underB = rotated.encrypt("Demo Patient 2", "R-2", PatientColumns.NAME);

		assertThat(underB).startsWith("v1:b:");
		assertThat(rotated.isUnderActiveKey(underB)).isTrue();
		assertThat(rotated.isUnderActiveKey(underA)).isFalse();
		assertThat(rotated.decrypt(underA, "R-1", PatientColumns.NAME)).isEqualTo("Demo Patient 1");
		assertThat(rotated.decrypt(underB, "R-2", PatientColumns.NAME)).isEqualTo("Demo Patient 2");
		assertThatThrownBy(() -> cipher.decrypt(underB, "R-2", PatientColumns.NAME))
			.isInstanceOf(PatientDataUnreadableException.class);
	}

	@Test
	void refusesKeysThatAreNotAes256OrIdsThatBreakTheFormat() {
		assertThatThrownBy(() -> new PatientDataCipher(Map.of("a", new byte[16]), "a"))
			.hasMessageContaining("AES-256 needs 32");
		assertThatThrownBy(() -> new PatientDataCipher(Map.of("a:b", KEY_A), "a:b")).hasMessageContaining("key id");
		assertThatThrownBy(() -> new PatientDataCipher(Map.of("a", KEY_A), "b")).hasMessageContaining("active key");
	}

	static byte[] key(int seed) {
		byte[] key = new byte[32];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (seed * 31 + i);
		}
		return key;
	}

	private static byte[] payload(String stored) {
		return Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
	}

}
