package org.prolo.benchmarks.codec;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.prolo.events.ReferralSubmitted;
import org.prolo.events.codec.EventCodec;

/**
 * 5. The Avro single-object codec every producer and consumer runs, on a representative
 * ReferralSubmitted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventCodecBenchmark {

	private EventCodec codec;

	private ReferralSubmitted event;

	private byte[] bytes;

	@Setup
	public void setUp() {
		codec = EventCodec.published();
		event = ReferralSubmitted.newBuilder()
			.setReferralId("R-0f8fad5b-d9cb-469f-a165-70867728950e")
			.setSubmittedAt(Instant.parse("2026-11-26T07:00:00Z"))
			.setReferrerId("dr-ada")
			.setReferrerName("Dr Ada Lovelace")
			.setReferrerEmail("ada@referrers.example")
			.setPatientPseudonym("P-1a2b3c4d")
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
		bytes = codec.encode(event);
	}

	@Benchmark
	public byte[] serialize() {
		return codec.encode(event);
	}

	@Benchmark
	public Object deserialize() {
		return codec.decode(bytes);
	}

}
