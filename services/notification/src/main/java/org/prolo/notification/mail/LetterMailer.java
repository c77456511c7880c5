package org.prolo.notification.mail;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.prolo.notification.NotificationProperties;
import org.prolo.notification.letter.Letter;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends a letter as a plain-text e-mail to the referrer. */
@Component
public class LetterMailer {

	/** Lets the recipient's tooling recognise a second copy of the same letter. */
	public static final String LETTER_ID_HEADER = "X-Prolo-Letter-Id";

	private final JavaMailSender sender;

	private final NotificationProperties properties;

	public LetterMailer(JavaMailSender sender, NotificationProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	public void send(String letterId, Letter letter) {
		MimeMessage message = sender.createMimeMessage();
		try {
			var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
			helper.setFrom(properties.from());
			helper.setTo(letter.recipient());
			helper.setSubject(letter.subject());
			helper.setText(letter.body(), false);
			message.setHeader(LETTER_ID_HEADER, letterId);
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Could not build letter " + letterId, ex);
		}
		sender.send(message);
	}

}
