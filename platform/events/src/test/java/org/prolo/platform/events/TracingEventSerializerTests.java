package org.prolo.platform.events;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.events.core.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

class TracingEventSerializerTests {

	final SdkTracerProvider provider = SdkTracerProvider.builder().build();

	final io.opentelemetry.api.trace.Tracer otel = provider.get("test");

	final OtelCurrentTraceContext current = new OtelCurrentTraceContext();

	final Tracer tracer = new OtelTracer(otel, current, event -> {
	}, new OtelBaggageManager(current, List.of(), List.of()));

	final OutboxTracing tracing = new OutboxTracing(tracer,
			new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

	final TracingEventSerializer serializer = new TracingEventSerializer(new Plain(), tracing);

	@AfterEach
	void closeTracing() {
		provider.close();
	}

	@Test
	void storesTheRequestsTraceWithTheEventAndReadsItBack() {
		var span = tracer.nextSpan().name("request").start();
		String stored;
		try (var scope = tracer.withSpan(span)) {
			stored = (String) serializer.serialize(new Sample("E-1"));
		}
		finally {
			span.end();
		}

		assertThat(stored).startsWith("{\"@traceparent\":\"00-" + span.context().traceId() + "-")
			.endsWith(",\"id\":\"E-1\"}");
		var read = serializer.deserialize(stored, Sample.class);
		assertThat(read).isEqualTo(new Sample("E-1"));
		assertThat(tracing.traceparentOf(new Sample("E-1"))).contains(span.context().traceId());
	}

	@Test
	void serializesAnEventTheSameWayAgainOnAnotherThreadSoTheRegistryFindsItsPublication() throws Exception {
		var event = new Sample("E-2");
		var span = tracer.nextSpan().name("request").start();
		String stored;
		try (var scope = tracer.withSpan(span)) {
			stored = (String) serializer.serialize(event);
		}
		finally {
			span.end();
		}
		String[] again = new String[1];
		var relay = new Thread(() -> {
			var other = tracer.nextSpan().name("relay").start();
			try (var scope = tracer.withSpan(other)) {
				again[0] = (String) serializer.serialize(event);
			}
			finally {
				other.end();
			}
		});
		relay.start();
		relay.join();

		assertThat(again[0]).isEqualTo(stored);
	}

	@Test
	void readsAPublicationStoredWithoutATraceAndSerializesItUnchanged() {
		var read = serializer.deserialize("{\"id\":\"E-3\"}", Sample.class);

		var span = tracer.nextSpan().name("relay").start();
		try (var scope = tracer.withSpan(span)) {
			assertThat(serializer.serialize(read)).isEqualTo("{\"id\":\"E-3\"}");
		}
		finally {
			span.end();
		}
	}

	@Test
	void storesNoTraceWhenNoneIsCurrent() {
		assertThat(serializer.serialize(new Sample("E-4"))).isEqualTo("{\"id\":\"E-4\"}");
	}

	record Sample(String id) {
	}

	/** Stands in for Spring Modulith's Jackson serializer. */
	static class Plain implements EventSerializer {

		private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([^\"]*)\"}$");

		@Override
		public Object serialize(Object event) {
			return "{\"id\":\"" + ((Sample) event).id() + "\"}";
		}

		@Override
		public <T> T deserialize(Object serialized, Class<T> type) {
			Matcher matcher = ID.matcher((String) serialized);
			assertThat(matcher.matches()).as((String) serialized).isTrue();
			return type.cast(new Sample(matcher.group(1)));
		}

	}

}
