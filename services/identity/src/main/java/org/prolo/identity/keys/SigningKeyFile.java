package org.prolo.identity.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing key as a JWK (private parts included) in one file. Read when it exists,
 * generated and written otherwise. The key id is the key's RFC 7638 thumbprint, so the
 * same key always has the same {@code kid}.
 */
public final class SigningKeyFile {

	private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);

	private static final int KEY_SIZE = 2048;

	private final Path file;

	public SigningKeyFile(Path file) {
		this.file = file.toAbsolutePath().normalize();
	}

	public Path path() {
		return this.file;
	}

	/**
	 * The stored key, or a new one written to the file. A file that holds no RSA private
	 * key fails the start rather than being replaced: replacing it would silently
	 * invalidate every token in circulation.
	 */
	public RSAKey loadOrCreate() {
		if (Files.exists(this.file)) {
			RSAKey key = read();
			log.info("Signing key {} read from {}", key.getKeyID(), this.file);
			return key;
		}
		RSAKey key = generate();
		write(key);
		log.info("Signing key {} created in {}", key.getKeyID(), this.file);
		return key;
	}

	private RSAKey read() {
		try {
			JWK jwk = JWK.parse(Files.readString(this.file, StandardCharsets.UTF_8));
			if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
				throw new IllegalStateException("The key file " + this.file
						+ " holds no RSA private key; delete it to have identity create a new one");
			}
			return rsa;
		}
		catch (ParseException ex) {
			// The parser's message quotes the file's content, which is key material.
			throw new IllegalStateException(
					"The key file " + this.file + " is not a JWK; delete it to have identity create a new one");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the key file " + this.file, ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA signing key", ex);
		}
	}

	/**
	 * Writes a temporary file that only the owner may read (where the file system has
	 * POSIX permissions) and moves it in place, so no reader ever sees half a key and the
	 * key is never readable by others, not even for a moment.
	 */
	private void write(RSAKey key) {
		try {
			Path dir = this.file.getParent();
			Files.createDirectories(dir);
			Path temp = Files.createTempFile(dir, ".jwk", ".tmp", ownerOnly(dir));
			try {
				Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
				move(temp);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the key file " + this.file, ex);
		}
	}

	private void move(Path temp) throws IOException {
		try {
			Files.move(temp, this.file, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, this.file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static FileAttribute<?>[] ownerOnly(Path dir) {
		if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[] {
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) };
		}
		// Elsewhere (Windows) a new file inherits the folder's ACL, which is the user's
		// own profile or the data directory.
		return new FileAttribute<?>[0];
	}

}
