package org.prolo.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The end of a service's log, shown when the service dies so nobody has to go looking for
 * it.
 */
final class LogTail {

	private LogTail() {
	}

	static List<String> lastLines(Path file, int count) {
		if (!Files.exists(file)) {
			return List.of();
		}
		// A crashing JVM can leave half-written bytes; a replaced character beats no tail
		// at all.
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		Deque<String> tail = new ArrayDeque<>(count);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (tail.size() == count) {
					tail.removeFirst();
				}
				tail.addLast(line);
			}
		}
		catch (IOException | UncheckedIOException e) {
			return List.of("(could not read " + file + ": " + e.getMessage() + ")");
		}
		return List.copyOf(tail);
	}

}
