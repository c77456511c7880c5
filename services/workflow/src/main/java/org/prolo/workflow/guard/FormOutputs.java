package org.prolo.workflow.guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each task's outputs, read from its Camunda Form in bpmn/ (the form's id is the task's
 * key): the keyed input fields a user fills in. Fields shown for context are not outputs;
 * they must be {@code disabled}, which form-js does not submit (it submits a
 * {@code readonly} field, whose completion would then be refused). The forms are the one
 * owner of what a task may set.
 */
public final class FormOutputs {

	/** The form-js field types whose value a user enters and the form submits. */
	static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "checkbox", "checklist",
			"radio", "taglist", "datetime");

	static final String FORMS = "classpath*:bpmn/**/*.form";

	private static final ObjectMapper JSON = new ObjectMapper();

	private FormOutputs() {
	}

	/** Every form on the classpath: form id → its outputs. */
	public static Map<String, Set<String>> fromClasspath() {
		Map<String, Set<String>> outputs = new TreeMap<>();
		try {
			for (Resource form : new PathMatchingResourcePatternResolver().getResources(FORMS)) {
				try (InputStream in = form.getInputStream()) {
					JsonNode schema = JSON.readTree(in);
					outputs.put(schema.path("id").asText(), outputs(schema));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the task forms " + FORMS, ex);
		}
		return outputs;
	}

	/** The outputs of one form schema. */
	public static Set<String> outputs(JsonNode schema) {
		Set<String> keys = new TreeSet<>();
		collect(schema.path("components"), keys);
		return keys;
	}

	private static void collect(JsonNode components, Set<String> keys) {
		for (JsonNode component : components) {
			if (component.hasNonNull("key") && INPUT_TYPES.contains(component.path("type").asText())
					&& !component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false)) {
				keys.add(component.get("key").asText());
			}
			collect(component.path("components"), keys);
		}
	}

}
