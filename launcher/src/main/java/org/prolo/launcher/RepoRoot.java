package org.prolo.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root, which holds the service jars and the git-ignored runtime
 * data under .local/.
 */
final class RepoRoot {

	private RepoRoot() {
	}

	/**
	 * @param property the {@code repo.root} system property, or null
	 * @param workingDir used when the property is absent
	 * @throws IllegalArgumentException if the chosen directory has no {@code services/}
	 * directory
	 */
	static Path resolve(String property, Path workingDir) {
		Path candidate = property == null || property.isBlank() ? workingDir : Path.of(property.trim());
		Path root = candidate.toAbsolutePath().normalize();
		if (!Files.isDirectory(root.resolve("services"))) {
			throw new IllegalArgumentException(root + " is not the repository root (it has no services/ directory). "
					+ "Run from the repository root or pass -Drepo.root=<path>.");
		}
		return root;
	}

}
