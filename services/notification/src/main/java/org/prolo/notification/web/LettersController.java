package org.prolo.notification.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.prolo.notification.outbox.Letters;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "letters", description = "Letters written to referring physicians")
public class LettersController {

	private static final String LETTERS_EXAMPLE = """
			[{"id":"6f1c3a52-3f0e-4f5e-9a55-2b1c0e0b7d11","referralId":"R-1001","kind":"ACCEPTED",
			  "recipient":"dr.ada@clinic.example","subject":"Referral R-1001: accepted",
			  "body":"Dear Dr Ada Lovelace,\\n\\nRe: your referral R-1001\\nPatient (pseudonym): P-7F3A...",
			  "status":"NOTIFIED","causationEventId":"0b8f0f0e-5d1c-4a8e-8f39-3c2d0c7a9e21",
			  "writtenAt":"2025-05-02T09:14:59.812Z","sentAt":"2025-05-02T09:15:00.103Z"}]""";

	private static final String PROBLEM_EXAMPLE = """
			{"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid request content.",
			 "instance":"/api/letters","errors":[{"field":"referralId","message":"must not be blank"}]}""";

	private final Letters letters;

	public LettersController(Letters letters) {
		this.letters = letters;
	}

	@GetMapping
	@Operation(summary = "The letters of one referral, oldest first, with their delivery status",
			description = "An unknown referral has no letters: the list is empty.")
	@ApiResponse(responseCode = "200", description = "The referral's letters",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = LetterView.class)),
					examples = @ExampleObject(name = "accepted", value = LETTERS_EXAMPLE)))
	@ApiResponse(responseCode = "400",
			description = "referralId missing, blank or not a referral id (1 to 64 of A-Z a-z 0-9 . _ : -)",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					examples = @ExampleObject(name = "missing referral id", value = PROBLEM_EXAMPLE)))
	public List<LetterView> letters(@Parameter(description = "Referral id", example = "R-1001") @RequestParam(
			required = false) @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String referralId) {
		return letters.ofReferral(referralId).stream().map(LetterView::of).toList();
	}

}
