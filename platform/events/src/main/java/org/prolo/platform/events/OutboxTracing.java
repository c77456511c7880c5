package org.prolo.platform.events;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries the W3C trace context of a request across the transactional outbox, whose relay
 * sends the event later, on another thread, or after a restart.
 * <p>
 * When the registry stores an event, {@link #traceparentOf(Object)} takes the trace that
 * is current then (the HTTP request's or the Kafka listener's span) and the serializer
 * stores it beside the event; a relay calls {@link #resume(Object, String, Supplier)} to
 * send as a child of that trace. The same traceparent is remembered per event object, so
 * the registry, which finds a publication again by serializing its event anew, always
 * gets the same text.
 */
public class OutboxTracing {

	/** What an event stored without a trace context remembers. */
	private static final String NONE = "";

	private final Tracer tracer;

	private final Propagator propagator;

	private final Map<Object, String> traceparents = Collections.synchronizedMap(new WeakHashMap<>());

	public OutboxTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** Tracing switched off (tests, or a service without a tracer). */
	public static OutboxTracing disabled() {
		return new OutboxTracing(Tracer.NOOP, Propagator.NOOP);
	}

	/**
	 * The traceparent stored with this event: the one remembered for it, else the current
	 * one (then remembered), else null.
	 */
	public String traceparentOf(Object event) {
		String remembered = traceparents.computeIfAbsent(event, key -> {
			String current = currentTraceparent();
			return (current != null) ? current : NONE;
		});
		return remembered.isEmpty() ? null : remembered;
	}

	/**
	 * The serializer read this traceparent (or none) with the event from the outbox.
	 */
	public void remember(Object event, String traceparent) {
		traceparents.put(event, (traceparent != null) ? traceparent : NONE);
	}

	/** The current span's context as a W3C {@code traceparent}, or null. */
	public String currentTraceparent() {
		TraceContext context = tracer.currentTraceContext().context();
		if (context == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		propagator.inject(context, carrier, Map::put);
		return carrier.get("traceparent");
	}

	/**
	 * Runs the relay of an outbox event in a span that continues the trace stored with
	 * the event; a KafkaTemplate with observation enabled then writes that trace into the
	 * record's headers.
	 */
	public <T> T resume(Object event, String spanName, Supplier<T> relay) {
		String traceparent = traceparents.get(event);
		return within((traceparent == null || traceparent.isEmpty()) ? null : traceparent, spanName, relay);
	}

	/**
	 * Runs the work in a new span whose parent is the given traceparent. A different
	 * trace that is current (say, the HTTP request that completed a task) becomes a link
	 * of that span, so neither is lost. Without a traceparent the work runs as it is.
	 */
	public <T> T within(String traceparent, String spanName, Supplier<T> work) {
		if (traceparent == null || tracer == Tracer.NOOP) {
			return work.get();
		}
		Span.Builder builder = propagator.extract(Map.of("traceparent", traceparent), Map::get).name(spanName);
		TraceContext current = tracer.currentTraceContext().context();
		if (current != null && !traceparent.contains(current.traceId())) {
			builder = builder.addLink(new Link(current));
		}
		Span span = builder.start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			return work.get();
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	/** As {@link #within(String, String, Supplier)}, without a result. */
	public void within(String traceparent, String spanName, Runnable work) {
		within(traceparent, spanName, () -> {
			work.run();
			return null;
		});
	}

}
