package org.prolo.identity.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

class SigningKeyFileTests {

	@TempDir
	Path dir;

	@Test
	void createsAnRs256KeyInAFileOnlyItsOwnerCanRead() throws Exception {
		Path file = this.dir.resolve("identity/jwk.json");

		RSAKey key = new SigningKeyFile(file).loadOrCreate();

		assertThat(key.isPrivate()).isTrue();
		assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
		assertThat(file).exists();
		assumeThat(file.getFileSystem().supportedFileAttributeViews()).contains("posix");
		assertThat(Files.getPosixFilePermissions(file))
			.isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		try (var leftovers = Files.list(file.getParent())) {
			assertThat(leftovers).containsExactly(file);
		}
	}

	@Test
	void readsTheSameKeyOnTheNextStart() {
		Path file = this.dir.resolve("jwk.json");
		RSAKey created = new SigningKeyFile(file).loadOrCreate();

		RSAKey read = new SigningKeyFile(file).loadOrCreate();

		assertThat(read.getKeyID()).isEqualTo(created.getKeyID());
		assertThat(read.getModulus()).isEqualTo(created.getModulus());
		assertThat(read.getPrivateExponent()).isEqualTo(created.getPrivateExponent());
	}

	@Test
	void refusesAFileWithoutThePrivateKeyInsteadOfReplacingIt() throws Exception {
		Path file = this.dir.resolve("jwk.json");
		RSAKey created = new SigningKeyFile(file).loadOrCreate();
		Files.writeString(file, created.toPublicJWK().toJSONString());

		assertThatIllegalStateException().isThrownBy(() -> new SigningKeyFile(file).loadOrCreate())
			.withMessageContaining("no RSA private key");
		assertThat(Files.readString(file)).isEqualTo(created.toPublicJWK().toJSONString());
	}

	@Test
	void refusesAFileThatIsNotAJwkWithoutQuotingIt() throws Exception {
		Path file = this.dir.resolve("jwk.json");
		Files.writeString(file, "{\"d\":\"secret-looking\"");

		assertThatIllegalStateException().isThrownBy(() -> new SigningKeyFile(file).loadOrCreate())
			.withMessageContaining("is not a JWK")
			.withMessageNotContaining("secret-looking");
	}

}
