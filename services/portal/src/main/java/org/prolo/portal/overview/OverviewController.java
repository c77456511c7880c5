package org.prolo.portal.overview;

import java.util.List;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import org.prolo.portal.PortalProperties;
import org.prolo.portal.figures.ClinicFigures;
import org.prolo.portal.web.FieldErrors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * GET /overview[?weeks=N]: the clinic leads' overview (clinic leads only, see
 * {@code web.PortalWebConfiguration}).
 */
@Controller
class OverviewController {

	static final int DEFAULT_WEEKS = 12;

	/** Timeline answers at most a year. */
	static final int MAX_WEEKS = 52;

	private final ClinicOverview overview;

	OverviewController(ClinicFigures figures, PortalProperties properties) {
		this.overview = new ClinicOverview(figures, properties.timeZone());
	}

	@GetMapping("/overview")
	String overview(@RequestParam(required = false) String weeks, Model model, HttpServletResponse response) {
		Integer chosen = weeks(weeks);
		model.addAttribute("weekChoices", choices(chosen));
		if (chosen == null) {
			model.addAttribute("errors",
					FieldErrors.builder()
						.add("weeks", null, "Weeks must be a whole number from 1 to " + MAX_WEEKS + ".")
						.build());
			model.addAttribute("weeks", DEFAULT_WEEKS);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "overview";
		}
		model.addAttribute("errors", FieldErrors.none());
		model.addAttribute("weeks", chosen);
		model.addAttribute("overview", this.overview.build(chosen));
		return "overview";
	}

	/** The usual choices, and the one in the address if it is another. */
	private static List<Integer> choices(Integer chosen) {
		TreeSet<Integer> choices = new TreeSet<>(List.of(4, 8, 12, 26, MAX_WEEKS));
		if (chosen != null) {
			choices.add(chosen);
		}
		return List.copyOf(choices);
	}

	/** Null when the parameter is not a number of weeks timeline answers. */
	private static Integer weeks(String weeks) {
		if (weeks == null || weeks.isBlank()) {
			return DEFAULT_WEEKS;
		}
		try {
			int value = Integer.parseInt(weeks.trim());
			return (value >= 1 && value <= MAX_WEEKS) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
