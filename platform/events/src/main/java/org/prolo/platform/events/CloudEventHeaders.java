package org.prolo.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: the attributes travel as
 * {@code ce_} headers and the record value is the event data itself.
 *
 * @param id unique per event; consumers use it to drop redeliveries
 * @param source the producing service, for example {@code /prolo/intake}
 * @param type the full name of the event's Avro record
 * @param time when the event was published
 * @param subject the referral id
 */
public record CloudEventHeaders(String id, String source, String type, Instant time, String subject) {

	public static final String SPECVERSION = "ce_specversion";

	public static final String ID = "ce_id";

	public static final String SOURCE = "ce_source";

	public static final String TYPE = "ce_type";

	public static final String TIME = "ce_time";

	public static final String SUBJECT = "ce_subject";

	/**
	 * Extension attribute: the referral the event is about, readable without decoding the
	 * value.
	 */
	public static final String REFERRAL_ID = "ce_referralid";

	public static final String CONTENT_TYPE = "content-type";

	public static final String AVRO = "application/avro";

	void writeTo(Headers headers) {
		headers.add(SPECVERSION, bytes("1.0"));
		headers.add(ID, bytes(id));
		headers.add(SOURCE, bytes(source));
		headers.add(TYPE, bytes(type));
		headers.add(TIME, bytes(time.toString()));
		headers.add(SUBJECT, bytes(subject));
		headers.add(REFERRAL_ID, bytes(subject));
		headers.add(CONTENT_TYPE, bytes(AVRO));
	}

	/** Reads the attributes back; absent ones are null. */
	public static CloudEventHeaders readFrom(Headers headers) {
		String time = text(headers, TIME);
		return new CloudEventHeaders(text(headers, ID), text(headers, SOURCE), text(headers, TYPE),
				(time != null) ? Instant.parse(time) : null, text(headers, SUBJECT));
	}

	/**
	 * Reads the attributes from the headers as spring-kafka maps them into a message
	 * ({@code @Headers Map<String, Object>}): raw bytes, or text where a mapper decoded
	 * them; absent ones are null.
	 */
	public static CloudEventHeaders readFrom(Map<String, ?> headers) {
		String time = text(headers, TIME);
		return new CloudEventHeaders(text(headers, ID), text(headers, SOURCE), text(headers, TYPE),
				(time != null) ? Instant.parse(time) : null, text(headers, SUBJECT));
	}

	public static String text(Map<String, ?> headers, String key) {
		Object value = headers.get(key);
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return (value != null) ? value.toString() : null;
	}

	public static String text(Headers headers, String key) {
		Header header = headers.lastHeader(key);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
