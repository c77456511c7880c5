package org.prolo.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The service jars copied into a test's directory, in the layout the launcher expects
 * ({@code services/<name>/target/<name>.jar}), for the stack to run from: a colleague's
 * build that rewrites a jar while the test runs must neither break a running service (a
 * Spring Boot jar replaced under its JVM fails at the next class it loads) nor change
 * what a restart starts.
 */
final class JarSnapshot {

	private JarSnapshot() {
	}

	/**
	 * @param fromDir a directory of {@code <name>.jar} files to take instead of the
	 * repository's, or null
	 * @return the directory to use as the repository root for the jars
	 */
	static Path copy(Path root, Path into, List<ServiceSpec> services, String fromDir) throws IOException {
		for (ServiceSpec spec : services) {
			Path source = (fromDir == null || fromDir.isBlank()) ? spec.jar(root)
					: Path.of(fromDir).resolve(spec.name() + ".jar");
			Path copy = spec.jar(into);
			Files.createDirectories(copy.getParent());
			Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
			// A jar caught half-written by a concurrent build fails here, not as a
			// mysterious service crash.
			try (ZipFile zip = new ZipFile(copy.toFile())) {
				zip.size();
			}
		}
		return into;
	}

}
