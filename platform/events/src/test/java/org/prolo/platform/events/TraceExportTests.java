package org.prolo.platform.events;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' tracer hands finished spans to an OTLP/HTTP collector (Jaeger in
 * docker-compose) once management.otlp.tracing.endpoint names one, and to nobody without
 * it. The collector here is a plain HTTP server that records what it is sent.
 */
class TraceExportTests {

	final List<String> received = new CopyOnWriteArrayList<>();

	HttpServer collector;

	final ApplicationContextRunner services = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
				OpenTelemetryAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
				OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class))
		.withPropertyValues("spring.application.name=intake", "management.tracing.sampling.probability=1.0");

	@BeforeEach
	void startCollector() throws IOException {
		collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		collector.createContext("/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
					+ exchange.getRequestHeaders().getFirst("Content-Type") + " " + body.length);
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		collector.start();
	}

	@AfterEach
	void stopCollector() {
		collector.stop(0);
	}

	@Test
	void exportsFinishedSpansOverOtlpToTheConfiguredEndpoint() {
		String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces";
		services.withPropertyValues("management.otlp.tracing.endpoint=" + endpoint).run(context -> {
			Tracer tracer = context.getBean(Tracer.class);
			tracer.nextSpan().name("submit referral").start().end();

			assertThat(context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS).isSuccess())
				.isTrue();
		});

		assertThat(received).singleElement()
			.satisfies(request -> assertThat(request).startsWith("POST /v1/traces application/x-protobuf")
				.doesNotEndWith(" 0"));
	}

	/**
	 * Without an endpoint there is no exporter at all, rather than one that tries
	 * localhost:4318 and logs a failure for every batch.
	 */
	@Test
	void createsNoExporterWithoutAnEndpoint() {
		services.run(context -> {
			assertThat(context).hasSingleBean(Tracer.class);
			assertThat(context).doesNotHaveBean(OtlpHttpSpanExporter.class);
		});
		services.withPropertyValues("management.otlp.tracing.endpoint=http://jaeger:4318/v1/traces")
			.run(context -> assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class));
	}

}
