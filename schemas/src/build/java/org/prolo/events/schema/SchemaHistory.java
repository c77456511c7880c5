package org.prolo.events.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The published history of every event schema, checked with Avro's own {@link SchemaCompatibility}.
 *
 * <p>Layout: {@code events/<EventName>/v<N>.avsc}, N = 1, 2, ... without gaps. Each version must be
 * both backward compatible (the new version reads data written with the previous one) and forward
 * compatible (the previous version reads data written with the new one), because consumers of
 * other teams upgrade on their own schedule.
 *
 * <p>Run by the build as a single-file program before code generation (so it cannot depend on
 * generated code), and by {@code SchemaHistoryTests} as a class.
 */
public final class SchemaHistory {

	private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

	/** One published version of one event. */
	public record Version(String event, int number, Path file, Schema schema) {
	}

	/** What is wrong with the history; empty when it is sound. */
	public record Report(List<Version> latest, List<Version> all, List<String> problems) {

		public boolean sound() {
			return problems.isEmpty();
		}

	}

	private SchemaHistory() {
	}

	public static Report check(Path eventsDir) {
		List<Version> latest = new ArrayList<>();
		List<Version> all = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Path eventDir : list(eventsDir).stream().filter(Files::isDirectory).toList()) {
			String event = eventDir.getFileName().toString();
			List<Version> versions = versionsOf(event, eventDir, problems);
			for (int i = 0; i < versions.size(); i++) {
				Version version = versions.get(i);
				if (version.number() != i + 1) {
					problems.add(event + ": versions must run v1, v2, ... without gaps, found v" + version.number()
							+ " at position " + (i + 1));
				}
				if (!version.schema().getName().equals(event)) {
					problems.add(event + "/v" + version.number() + ": record is named " + version.schema().getName()
							+ ", not " + event);
				}
				if (i > 0) {
					compare(versions.get(i - 1), version, problems);
				}
			}
			all.addAll(versions);
			if (!versions.isEmpty()) {
				latest.add(versions.get(versions.size() - 1));
			}
		}
		if (latest.isEmpty()) {
			problems.add("no schemas under " + eventsDir);
		}
		return new Report(latest, all, problems);
	}

	private static List<Version> versionsOf(String event, Path eventDir, List<String> problems) {
		List<Version> versions = new ArrayList<>();
		for (Path file : list(eventDir)) {
			Matcher name = VERSION_FILE.matcher(file.getFileName().toString());
			if (!name.matches()) {
				problems.add(event + ": " + file.getFileName() + " is not named v<N>.avsc");
				continue;
			}
			try {
				// A fresh parser per file: every version defines the same full name.
				Schema schema = new Schema.Parser().parse(file.toFile());
				versions.add(new Version(event, Integer.parseInt(name.group(1)), file, schema));
			}
			catch (IOException | RuntimeException ex) {
				problems.add(event + "/" + file.getFileName() + ": not a valid Avro schema: " + ex.getMessage());
			}
		}
		versions.sort(Comparator.comparingInt(Version::number));
		return versions;
	}

	private static void compare(Version previous, Version next, List<String> problems) {
		var backward = SchemaCompatibility.checkReaderWriterCompatibility(next.schema(), previous.schema());
		if (backward.getType() != SchemaCompatibilityType.COMPATIBLE) {
			problems.add(next.event() + ": v" + next.number() + " is not backward compatible with v" + previous.number()
					+ " (v" + next.number() + " cannot read v" + previous.number() + " data): "
					+ backward.getResult().getIncompatibilities());
		}
		var forward = SchemaCompatibility.checkReaderWriterCompatibility(previous.schema(), next.schema());
		if (forward.getType() != SchemaCompatibilityType.COMPATIBLE) {
			problems.add(next.event() + ": v" + next.number() + " is not forward compatible with v" + previous.number()
					+ " (v" + previous.number() + " cannot read v" + next.number() + " data): "
					+ forward.getResult().getIncompatibilities());
		}
	}

	private static List<Path> list(Path dir) {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Checks the history, then writes the latest version of each event to {@code latestDir} for the
	 * Avro compiler and the list of every version to {@code indexFile} for the runtime schema store.
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			System.err.println("usage: SchemaHistory <eventsDir> <latestDir> <indexFile>");
			System.exit(2);
		}
		Report report = check(Path.of(args[0]));
		if (!report.sound()) {
			System.err.println("[ERROR] The schema history is not sound:");
			report.problems().forEach(problem -> System.err.println("[ERROR]   " + problem));
			System.exit(1);
		}
		Path latestDir = Path.of(args[1]);
		Files.createDirectories(latestDir);
		try (Stream<Path> stale = Files.list(latestDir)) {
			for (Path file : stale.toList()) {
				Files.delete(file);
			}
		}
		for (Version version : report.latest()) {
			Files.copy(version.file(), latestDir.resolve(version.event() + ".avsc"));
		}
		Path indexFile = Path.of(args[2]);
		Files.createDirectories(indexFile.getParent());
		Files.write(indexFile, report.all().stream().map(v -> v.event() + "/v" + v.number() + ".avsc").toList());
		System.out.println("[INFO] Schema history sound: " + report.latest().size() + " events, " + report.all().size()
				+ " published versions");
	}

}
