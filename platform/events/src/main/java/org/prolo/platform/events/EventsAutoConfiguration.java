package org.prolo.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Makes every service speak the same wire format and fail the same way, from properties
 * alone.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class, after = JdbcTemplateAutoConfiguration.class)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

	/**
	 * Counter of records parked in a dead-letter topic, tagged with the original topic.
	 */
	public static final String DEAD_LETTERED = "prolo.events.dead.lettered";

	/**
	 * Adds the service's sign-in ({@code prolo.kafka.*}) to Boot's Kafka settings before
	 * any client is built from them, and refuses a demo or missing password outside the
	 * demo profile.
	 */
	@Bean
	static BeanPostProcessor kafkaSignIn(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof KafkaProperties kafka) {
					KafkaSignIn.from(environment).applyTo(kafka);
				}
				return bean;
			}
		};
	}

	@Bean
	DefaultKafkaProducerFactoryCustomizer avroEventProducer() {
		// byte[] passes through untouched so a dead letter keeps the exact bytes that
		// failed.
		Map<Class<?>, Serializer<?>> byType = Map.of(byte[].class, new ByteArraySerializer(), SpecificRecord.class,
				new AvroEventSerializer());
		return factory -> {
			@SuppressWarnings("unchecked")
			var typed = (DefaultKafkaProducerFactory<String, Object>) factory;
			typed.setKeySerializer(new StringSerializer());
			typed.setValueSerializer(new DelegatingByTypeSerializer(byType, true));
			// An event counts as sent once every in-sync replica has it, and a retried
			// send is written once: the outbox marks a publication complete on that
			// answer. Not left to spring.kafka.producer.*, where a service could weaken
			// it.
			typed.updateConfigs(
					Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
		};
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer avroEventConsumer() {
		return factory -> {
			@SuppressWarnings("unchecked")
			var typed = (DefaultKafkaConsumerFactory<String, SpecificRecord>) factory;
			typed.setKeyDeserializer(new StringDeserializer());
			typed.setValueDeserializer(new ErrorHandlingDeserializer<>(new AvroEventDeserializer()));
		};
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new OutboxTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	@Bean
	@ConditionalOnMissingBean
	EventPublisher eventPublisher(KafkaTemplate<String, Object> template, EventsProperties properties,
			Environment environment, Clock clock, OutboxTracing outboxTracing) {
		String source = (properties.source() != null) ? properties.source()
				: "/prolo/" + environment.getProperty("spring.application.name", "unknown");
		return new EventPublisher(template, source, clock, outboxTracing);
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxRelay outboxRelay(EventPublisher eventPublisher) {
		return new OutboxRelay(eventPublisher);
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler deadLetteringErrorHandler(KafkaOperations<String, Object> template, EventsProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		var recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(EventTopics.deadLetterOf(record.topic()), record.partition()));
		// spring-kafka's own headers name the wrapping exception; operators need the root
		// cause.
		recoverer.setHeadersFunction((record, ex) -> {
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
			return new RecordHeaders().add(EventTopics.DLT_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
		});
		var backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
		backOff.setMaxAttempts(properties.retries());
		MeterRegistry registry = meters.getIfAvailable();
		if (registry != null) {
			// Zero from the start, so a dashboard shows "none" rather than "no data".
			properties.consumedTopics().forEach(topic -> registry.counter(DEAD_LETTERED, "topic", topic));
		}
		ConsumerRecordRecoverer counting = (record, ex) -> {
			recoverer.accept(record, ex);
			if (registry != null) {
				registry.counter(DEAD_LETTERED, "topic", record.topic()).increment();
			}
		};
		var handler = new DefaultErrorHandler(counting, backOff);
		// Retrying cannot make these succeed: park them at once.
		handler.addNotRetryableExceptions(UnhandledEventException.class, IllegalArgumentException.class);
		return handler;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(JdbcTemplate.class)
	@ConditionalOnClass(JdbcTemplate.class)
	ProcessedEvents processedEvents(JdbcTemplate jdbc, Clock clock) {
		return new ProcessedEvents(jdbc, clock);
	}

	/**
	 * On the service's one transaction manager, which its use cases' @Transactional
	 * joins.
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(JdbcTemplate.class)
	@ConditionalOnClass(JdbcTemplate.class)
	OncePerEvent oncePerEvent(ProcessedEvents processedEvents,
			ObjectProvider<PlatformTransactionManager> transactionManager) {
		return new OncePerEvent(processedEvents, new TransactionTemplate(transactionManager.getObject()));
	}

	/** Boot's listener container factory takes this interceptor. */
	@Bean
	@ConditionalOnMissingBean(RecordInterceptor.class)
	RecordInterceptor<Object, Object> consumedEventLog() {
		return new ConsumedEventLog();
	}

	@Bean
	@ConditionalOnMissingBean
	DeadLetters deadLetters(KafkaProperties kafka, KafkaTemplate<String, Object> template,
			ObjectProvider<SslBundles> sslBundles) {
		return new DeadLetters(kafka.buildConsumerProperties(sslBundles.getIfAvailable()), template);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	static class DeadLettersEndpointConfiguration {

		@Bean
		@ConditionalOnAvailableEndpoint(endpoint = DeadLettersEndpoint.class)
		DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters, EventsProperties properties) {
			return new DeadLettersEndpoint(deadLetters, properties.consumedTopics());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class KafkaHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
		@ConditionalOnEnabledHealthIndicator("kafka")
		KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
			return new KafkaHealthIndicator(admin.getConfigurationProperties(), Duration.ofSeconds(3));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.modulith.events.core.EventSerializer")
	static class OutboxTracingConfiguration {

		/**
		 * Stores each outbox event's trace context with it, whichever serializer is used.
		 */
		@Bean
		static BeanPostProcessor tracingEventSerializer(ObjectProvider<OutboxTracing> tracing) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof EventSerializer serializer && !(bean instanceof TracingEventSerializer)) {
						return new TracingEventSerializer(serializer, tracing.getObject());
					}
					return bean;
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.modulith.events.jdbc.JdbcEventPublicationRepository")
	@ConditionalOnBean(JdbcTemplate.class)
	static class OutboxBacklogConfiguration {

		/** Bound to the registry by Boot, as every MeterBinder bean. */
		@Bean
		OutboxBacklog outboxBacklog(JdbcTemplate jdbc, Clock clock) {
			return new OutboxBacklog(jdbc, clock, Duration.ofSeconds(10));
		}

	}

	@Bean
	KafkaAdmin.NewTopics declaredTopics(EventsProperties properties) {
		return new KafkaAdmin.NewTopics(topicsOf(properties).toArray(NewTopic[]::new));
	}

	/**
	 * The topics this service creates: those it owns and the dead-letter topics of those
	 * it owns and reads.
	 */
	static List<NewTopic> topicsOf(EventsProperties properties) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : properties.ownedTopics()) {
			topics.add(declared(topic, properties));
			topics.add(declared(EventTopics.deadLetterOf(topic), properties));
		}
		for (String topic : properties.consumedTopics()) {
			topics.add(declared(EventTopics.deadLetterOf(topic), properties));
		}
		return topics.stream().distinct().toList();
	}

	private static NewTopic declared(String topic, EventsProperties properties) {
		TopicBuilder builder = TopicBuilder.name(topic).partitions(properties.partitions());
		if (properties.replicationFactor() != null) {
			builder.replicas(properties.replicationFactor());
		}
		if (properties.minInsyncReplicas() != null) {
			builder.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(properties.minInsyncReplicas()));
		}
		return builder.build();
	}

}
