package org.prolo.portal.figures;

import java.util.List;

import org.prolo.platform.security.problems.FieldProblem;

/**
 * What came of slots a clinic lead added: scheduling added them (and booked whom it
 * could), refused the day or the number (its 400 problem, one entry per bad field), or
 * gave no answer to go by.
 *
 * @param added null unless scheduling added the slots
 * @param refused the fields scheduling named; empty unless it refused
 * @param failedBecause in words for the page; null unless scheduling gave no usable
 * answer
 */
public record SlotsAnswer(AddedSlots added, List<FieldProblem> refused, String failedBecause) {

	public SlotsAnswer {
		refused = (refused != null) ? List.copyOf(refused) : List.of();
	}

	static SlotsAnswer of(AddedSlots added) {
		return new SlotsAnswer(added, List.of(), null);
	}

	static SlotsAnswer refused(List<FieldProblem> problems) {
		return new SlotsAnswer(null, problems, null);
	}

	static SlotsAnswer failed(String because) {
		return new SlotsAnswer(null, List.of(), because);
	}

}
