package org.prolo.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value}, {@code --name=value} and bare {@code --flag} options. */
final class Args {

	private final Map<String, String> values = new HashMap<>();

	Args(List<String> args) {
		for (int i = 0; i < args.size(); i++) {
			String token = args.get(i);
			if (!token.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument '" + token + "'");
			}
			int equals = token.indexOf('=');
			if (equals > 0) {
				values.put(token.substring(2, equals), token.substring(equals + 1));
			}
			else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
				values.put(token.substring(2), args.get(++i));
			}
			else {
				values.put(token.substring(2), "true");
			}
		}
	}

	boolean flag(String name) {
		return Boolean.parseBoolean(values.getOrDefault(name, "false"));
	}

	String text(String name, String fallback) {
		return values.getOrDefault(name, fallback);
	}

	int integer(String name, int fallback) {
		return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
	}

	List<Double> rates(String name, String fallback) {
		List<Double> rates = new ArrayList<>();
		for (String rate : text(name, fallback).split(",")) {
			rates.add(Double.parseDouble(rate.trim()));
		}
		return rates;
	}

	/** "20s", "2m", "500ms" or plain seconds. */
	Duration duration(String name, String fallback) {
		return parseDuration(text(name, fallback));
	}

	static Duration parseDuration(String text) {
		String value = text.trim().toLowerCase();
		if (value.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
		}
		if (value.endsWith("s")) {
			return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
		}
		if (value.endsWith("m")) {
			return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
		}
		return Duration.ofSeconds(Long.parseLong(value));
	}

}
