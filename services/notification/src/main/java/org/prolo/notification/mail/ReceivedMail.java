package org.prolo.notification.mail;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** One message the embedded SMTP server received. */
@Schema(example = """
		{"letterId":"6f1c3a52-3f0e-4f5e-9a55-2b1c0e0b7d11","to":["dr.ada@clinic.example"],
		 "subject":"Referral R-1001: accepted","body":"Dear Dr Ada Lovelace, ...","receivedAt":"2025-05-02T09:15:00Z"}""")
public record ReceivedMail(String letterId, List<String> to, String subject, String body, Instant receivedAt) {
}
