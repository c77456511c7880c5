package org.prolo.notification.mail;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the embedded SMTP server received: lets a demo or a tester read the letters as
 * sent.
 */
@RestController
@RequestMapping(path = "/api/mailbox", produces = MediaType.APPLICATION_JSON_VALUE)
@Profile("demo")
@Tag(name = "mailbox", description = "Mail received by the embedded SMTP server (demo profile only)")
public class MailboxController {

	private final GreenMail smtp;

	public MailboxController(GreenMail smtp) {
		this.smtp = smtp;
	}

	@GetMapping
	@Operation(summary = "Every mail the embedded SMTP server received, oldest first")
	@ApiResponse(responseCode = "200", description = "The received mail",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = ReceivedMail.class))))
	public List<ReceivedMail> received() {
		return Arrays.stream(smtp.getReceivedMessages()).map(MailboxController::read).toList();
	}

	private static ReceivedMail read(MimeMessage message) {
		try {
			String[] letterId = message.getHeader(LetterMailer.LETTER_ID_HEADER);
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			return new ReceivedMail((letterId != null) ? letterId[0] : null,
					(to != null) ? Arrays.stream(to).map(Address::toString).toList() : List.of(), message.getSubject(),
					String.valueOf(message.getContent()).strip(),
					(message.getSentDate() != null) ? message.getSentDate().toInstant() : null);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Unreadable mail in the embedded mailbox", ex);
		}
	}

}
