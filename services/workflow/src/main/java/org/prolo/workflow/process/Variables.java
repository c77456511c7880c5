package org.prolo.workflow.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of process variables that the forms and TaskInputRules already checked. */
final class Variables {

	private Variables() {
	}

	static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return (value != null && !value.toString().isBlank()) ? value.toString() : null;
	}

	static boolean bool(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return (value instanceof Boolean b) ? b : Boolean.parseBoolean(String.valueOf(value));
	}

	static int integer(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return (value instanceof Number n) ? n.intValue() : Integer.parseInt(value.toString());
	}

	static double decimal(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return (value instanceof Number n) ? n.doubleValue() : Double.parseDouble(value.toString());
	}

}
