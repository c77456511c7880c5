package org.prolo.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's data under .local/ (databases with patient data, identity's key, the
 * broker's log and the services' logs) is readable by the user who runs it only.
 */
class OwnerOnlyTests {

	@TempDir
	Path root;

	@BeforeEach
	void posixOnly() {
		assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
	}

	@Test
	void everyDirectoryTheLauncherPreparesIsOwnerOnly() throws IOException {
		Path local = root.resolve("repo/.local");

		Launcher.prepareLocalDirectories(local);

		assertThat(List.of(local, local.resolve("kafka"), local.resolve("logs"), local.resolve("data")))
			.allSatisfy(dir -> assertThat(permissions(dir)).isEqualTo("rwx------"));
		assertThat(ServiceSpec.ALL)
			.allSatisfy(service -> assertThat(permissions(local.resolve("data").resolve(service.name())))
				.isEqualTo("rwx------"));
	}

	@Test
	void directoriesOfAnEarlierLaunchAreNarrowed() throws IOException {
		Path local = root.resolve(".local");
		Path intake = Files.createDirectories(local.resolve("data/intake"));
		Files.setPosixFilePermissions(local, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setPosixFilePermissions(intake, PosixFilePermissions.fromString("rwxrwxrwx"));

		Launcher.prepareLocalDirectories(local);

		assertThat(permissions(local)).isEqualTo("rwx------");
		assertThat(permissions(intake)).isEqualTo("rwx------");
	}

	@Test
	void aServicesLogFileIsOwnerOnlyNewOrOld() throws IOException {
		Path fresh = OwnerOnly.file(root.resolve("intake.log"));
		Path old = Files.writeString(root.resolve("workflow.log"), "from an earlier launch");
		Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));

		OwnerOnly.file(old);

		assertThat(permissions(fresh)).isEqualTo("rw-------");
		assertThat(permissions(old)).isEqualTo("rw-------");
	}

	@Test
	void filesAServiceCreatesAreOwnerOnlyAndItsLogToo() throws Exception {
		Path created = root.resolve("intake.mv.db");
		Path log = root.resolve("intake.log");

		ServiceProcess service = ServiceProcess.start(ServiceSpec.named("intake"), List.of("touch", created.toString()),
				root, log);

		assertThat(service.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(service.process().exitValue()).isZero();
		assertThat(permissions(created)).isEqualTo("rw-------");
		assertThat(permissions(log)).isEqualTo("rw-------");
	}

	@Test
	void theLauncherWatchesAndStopsTheServiceItselfNotAShell() throws Exception {
		ServiceProcess service = ServiceProcess.start(ServiceSpec.named("intake"), List.of("sleep", "30"), root,
				root.resolve("sleep.log"));
		try {
			// The shell replaces itself a moment after it starts.
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (!service.process().info().command().orElse("").endsWith("/sleep") && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(service.process().info().command())
				.hasValueSatisfying(command -> assertThat(command).endsWith("/sleep"));
		}
		finally {
			service.process().destroy();
		}
		assertThat(service.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
	}

	private static String permissions(Path path) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
