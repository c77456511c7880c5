package org.prolo.launcher;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Patient data, keys and logs under {@code .local/} are for the user who runs the demo
 * only: directories rwx------, files rw-------, and the services started with umask 077
 * so that the files they create there (H2 databases, identity's key) are too. On a file
 * system without POSIX permissions (Windows) this does nothing.
 */
final class OwnerOnly {

	static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private static final Path SHELL = Path.of("/bin/sh");

	private OwnerOnly() {
	}

	/**
	 * Creates {@code dir} and its missing parents owner-only; an existing one (a
	 * {@code .local/} of an earlier version) is narrowed to owner-only too.
	 */
	static Path directory(Path dir) throws IOException {
		Path absolute = dir.toAbsolutePath();
		if (!posix(absolute)) {
			return Files.createDirectories(absolute);
		}
		List<Path> missing = new ArrayList<>();
		for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
			missing.add(0, p);
		}
		for (Path p : missing) {
			try {
				Files.createDirectory(p, attribute(DIRECTORY));
			}
			catch (FileAlreadyExistsException raced) {
				// Created meanwhile; narrowed below.
			}
			// The umask may have taken bits off, never added any; set them outright.
			Files.setPosixFilePermissions(p, DIRECTORY);
		}
		Files.setPosixFilePermissions(absolute, DIRECTORY);
		return absolute;
	}

	/** Creates {@code file} empty and owner-only, or narrows an existing one. */
	static Path file(Path file) throws IOException {
		if (!posix(file.toAbsolutePath().getParent())) {
			return Files.exists(file) ? file : Files.createFile(file);
		}
		if (!Files.exists(file)) {
			try {
				Files.createFile(file, attribute(FILE));
			}
			catch (FileAlreadyExistsException raced) {
				// Narrowed below.
			}
		}
		Files.setPosixFilePermissions(file, FILE);
		return file;
	}

	/**
	 * The command run through {@code /bin/sh} with umask 077; {@code exec} keeps the pid
	 * the launcher watches and stops the service's own.
	 */
	static List<String> withUmask(List<String> command) {
		if (!Files.isExecutable(SHELL)) {
			return command;
		}
		List<String> wrapped = new ArrayList<>(List.of(SHELL.toString(), "-c", "umask 077 && exec \"$@\"", "sh"));
		wrapped.addAll(command);
		return List.copyOf(wrapped);
	}

	private static boolean posix(Path existingOrAncestor) {
		Path p = existingOrAncestor;
		while (p != null && !Files.exists(p)) {
			p = p.getParent();
		}
		return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
		return PosixFilePermissions.asFileAttribute(permissions);
	}

}
