package org.prolo.intake.referral.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the patient's identifying data for the {@code referral} table with
 * AES-256-GCM: a random 96-bit nonce per value, the referral id and the column as
 * associated data (a value copied to another row or column does not decrypt), stored as
 * {@code v1:<keyId>:<base64(nonce | ciphertext | tag)>}. New values use the active key; a
 * stored value names the key it needs, so keys can rotate while old rows stay readable.
 */
final class PatientDataCipher {

	static final String VERSION = "v1";

	/** Letters, digits and '-' only: no ':' (the separator) and no LIKE wildcard. */
	static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9-]{1,32}");

	static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private final Map<String, SecretKey> keys;

	private final String activeKeyId;

	private final SecureRandom random = new SecureRandom();

	PatientDataCipher(Map<String, byte[]> keys, String activeKeyId) {
		if (!keys.containsKey(activeKeyId)) {
			throw new IllegalArgumentException("active key '" + activeKeyId + "' is not among the keys");
		}
		keys.forEach((id, key) -> {
			if (!KEY_ID.matcher(id).matches()) {
				throw new IllegalArgumentException("key id '" + id + "' must match " + KEY_ID.pattern());
			}
			if (key.length != KEY_BYTES) {
				throw new IllegalArgumentException(
						"key '" + id + "' has " + key.length + " bytes; AES-256 needs " + KEY_BYTES);
			}
		});
		this.keys = keys.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
					entry -> new SecretKeySpec(entry.getValue(), "AES")));
		this.activeKeyId = activeKeyId;
	}

	String activeKeyId() {
		return activeKeyId;
	}

	/**
	 * The stored form of {@code plain}, under the active key, bound to row and column.
	 */
	String encrypt(String plain, String referralId, String column) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData(referralId, column));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
			return VERSION + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(stored);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available in this JDK", e);
		}
	}

	/**
	 * The plain text of a stored value; a value in another format, under a key that is
	 * not configured, altered, or moved from another row or column is refused, never
	 * returned as it is.
	 */
	String decrypt(String stored, String referralId, String column) {
		String keyId = keyIdOf(stored, referralId, column);
		SecretKey key = keys.get(keyId);
		if (key == null) {
			throw new PatientDataUnreadableException(
					"patient data of referral " + referralId + " (" + column + ") is encrypted with key '" + keyId
							+ "', which is not configured under " + PatientDataProperties.PREFIX + ".keys");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(stored.substring(VERSION.length() + keyId.length() + 2));
		}
		catch (IllegalArgumentException e) {
			throw unreadable(referralId, column, "its ciphertext is not base64");
		}
		if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
			throw unreadable(referralId, column, "its ciphertext is too short");
		}
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(associatedData(referralId, column));
			byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException e) {
			throw unreadable(referralId, column,
					"key '" + keyId + "' does not authenticate it (a different key under that id, an altered value, "
							+ "or a value moved from another referral or column)");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available in this JDK", e);
		}
	}

	/** Whether a stored value is in the current format under the active key. */
	boolean isUnderActiveKey(String stored) {
		return stored.startsWith(VERSION + ":" + activeKeyId + ":");
	}

	private static String keyIdOf(String stored, String referralId, String column) {
		if (stored == null || !stored.startsWith(VERSION + ":")) {
			throw unreadable(referralId, column, "it is not in the " + VERSION + ":<keyId>:<base64> format");
		}
		int end = stored.indexOf(':', VERSION.length() + 1);
		if (end < 0) {
			throw unreadable(referralId, column, "it names no key");
		}
		return stored.substring(VERSION.length() + 1, end);
	}

	private static byte[] associatedData(String referralId, String column) {
		return (referralId + "\u0000" + column).getBytes(StandardCharsets.UTF_8);
	}

	private static PatientDataUnreadableException unreadable(String referralId, String column, String why) {
		return new PatientDataUnreadableException(
				"patient data of referral " + referralId + " (" + column + ") cannot be decrypted: " + why);
	}

}
