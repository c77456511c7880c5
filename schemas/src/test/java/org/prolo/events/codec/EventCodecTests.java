package org.prolo.events.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralSubmitted;
import org.prolo.events.ScheduledSession;
import org.prolo.events.SessionsScheduled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final EventCodec codec = EventCodec.published();

	@Test
	void writesTheSingleObjectHeaderWithTheWriterFingerprint() {
		byte[] bytes = codec.encode(closed());

		assertThat(bytes[0]).isEqualTo((byte) 0xC3);
		assertThat(bytes[1]).isEqualTo((byte) 0x01);
		long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
		assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(ReferralClosed.getClassSchema()));
	}

	@Test
	void decodesEachEventToItsGeneratedClass() {
		var submitted = ReferralSubmitted.newBuilder()
			.setReferralId("R-1")
			.setSubmittedAt(NOW)
			.setReferrerId("dr-ada")
			.setReferrerName("Dr Ada")
			.setReferrerEmail("ada@referrers.example")
			.setPatientPseudonym("P-1")
			.setCondition("KNEE_OSTEOARTHRITIS")
			.setBodySite("left knee")
			.setPainDurationMonths(9)
			.setPriorConservativeCare(true)
			.setAnticoagulated(false)
			.setAllergyToInjectate(false)
			.setPregnant(false)
			.setUncontrolledDiabetes(false)
			.setActiveInfectionAtSite(false)
			.setMalignancyAtSite(false)
			.setUrgency("ROUTINE")
			.build();
		var scheduled = SessionsScheduled.newBuilder()
			.setReferralId("R-1")
			.setScheduledAt(NOW)
			.setPurpose("COURSE")
			.setSessions(List.of(new ScheduledSession(1, LocalDate.of(2026, 12, 7)),
					new ScheduledSession(2, LocalDate.of(2027, 1, 4))))
			.build();

		assertThat(codec.decode(codec.encode(submitted))).isInstanceOf(ReferralSubmitted.class).isEqualTo(submitted);
		assertThat(codec.decode(codec.encode(scheduled))).isInstanceOf(SessionsScheduled.class).isEqualTo(scheduled);
		assertThat(codec.decode(codec.encode(closed()))).isEqualTo(closed());
	}

	@Test
	void readsARecordWrittenWithAnOlderVersionOfItsSchema() {
		Schema older = new Schema.Parser().parse("""
				{"type":"record","name":"ReferralClosed","namespace":"org.prolo.events","fields":[
				  {"name":"referralId","type":"string"},
				  {"name":"closedAt","type":{"type":"long","logicalType":"timestamp-millis"}},
				  {"name":"outcome","type":"string"}]}
				""");
		var schemas = new ArrayList<>(EventSchemaStore.published().schemas());
		schemas.add(older);
		var twoVersions = new EventCodec(EventSchemaStore.of(schemas));
		GenericRecord old = new GenericData.Record(older);
		old.put("referralId", "R-7");
		old.put("closedAt", NOW.toEpochMilli());
		old.put("outcome", "WITHDRAWN");

		byte[] bytes = encodeGeneric(older, old);

		assertThat(twoVersions.decode(bytes)).isInstanceOfSatisfying(ReferralClosed.class, closed -> {
			assertThat(closed.getReferralId()).isEqualTo("R-7");
			assertThat(closed.getOutcome()).isEqualTo("WITHDRAWN");
			assertThat(closed.getReasonCode()).isNull();
		});
		assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(UnknownEventSchemaException.class)
			.hasMessageContaining("No published schema has fingerprint");
	}

	@Test
	void rejectsBytesWithoutTheSingleObjectMarker() {
		assertThatThrownBy(() -> codec.decode("{\"referralId\":\"R-1\"}".getBytes()))
			.isInstanceOf(BadHeaderException.class)
			.hasMessageContaining("C3 01");
		assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(BadHeaderException.class);
	}

	@Test
	void rejectsARecordOfAnUnpublishedType() {
		Schema stranger = new Schema.Parser().parse("""
				{"type":"record","name":"PatientAdmitted","namespace":"org.prolo.events","fields":[
				  {"name":"referralId","type":"string"}]}
				""");
		GenericRecord record = new GenericData.Record(stranger);
		record.put("referralId", "R-9");

		assertThatThrownBy(() -> codec.decode(encodeGeneric(stranger, record)))
			.isInstanceOf(UnknownEventSchemaException.class);
	}

	@Test
	void publishesOneEventTypePerSchemaFolder() throws IOException {
		long folders;
		try (var events = Files.list(Path.of("events"))) {
			folders = events.filter(Files::isDirectory).count();
		}
		assertThat(folders).isEqualTo(19);
		assertThat(EventTypes.published()).hasSize((int) folders)
			.contains("org.prolo.events.ImagingReported", "org.prolo.events.ReferralTriageStarted",
					"org.prolo.events.AppointmentsCancelled", "org.prolo.events.ImagingOrderClosed",
					"org.prolo.events.AppointmentWaitlisted", "org.prolo.events.WaitingListLeft");
	}

	private static byte[] encodeGeneric(Schema schema, GenericRecord record) {
		try {
			ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return bytes;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static ReferralClosed closed() {
		return ReferralClosed.newBuilder().setReferralId("R-1").setClosedAt(NOW).setOutcome("COURSE_PLANNED").build();
	}

}
