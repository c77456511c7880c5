package org.prolo.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prolo.events.ReferralClosed;
import org.prolo.events.ReferralTriageStarted;
import org.prolo.events.ReferralWithdrawn;
import org.prolo.events.codec.EventCodec;
import org.prolo.platform.broker.SharedTestBroker;
import org.prolo.platform.events.AvroEventSerializer;
import org.prolo.platform.events.EventProbe;
import org.prolo.platform.events.EventPublisher;
import org.prolo.platform.events.EventTopics;
import org.prolo.platform.events.LocalPostgres;
import org.prolo.platform.testing.TestKafka;
import org.prolo.workflow.lifecycle.ReferralToAssess;
import org.prolo.workflow.starting.StartingAssessment;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Scale-out: two workflow nodes (two application contexts, consumer group "workflow", job
 * executor on) share one fresh PostgreSQL database and one broker, as two replicas of the
 * service would. No referral may be lost or started twice, whichever node a record or a
 * job lands on.
 *
 * <p>
 * The nodes start one after the other, as in a rolling deployment: the first creates the
 * schemas and deploys, the second finds both done.
 */
class TwoWorkflowNodesTests {

	static final Duration TIMEOUT = Duration.ofMinutes(2);

	static final int REFERRALS = 300;

	static final int SAME_EVENT_AGAIN = 50;

	static final int NEW_EVENT_AGAIN = 50;

	static final int WITHDRAWN = 100;

	static final EventCodec CODEC = EventCodec.published();

	static LocalPostgres database;

	static Node a;

	static Node b;

	static Admin admin;

	@BeforeAll
	static void startTwoNodes() {
		database = LocalPostgres.createDatabase("prolo_workflow_nodes");
		a = Node.start("node-a", database);
		b = Node.start("node-b", database);
		admin = Admin.create(SharedTestBroker.clientConfig(SharedTestBroker.bootstrapServers()));
		// Produce only once the group has settled with both nodes in it, or the first
		// node would take everything.
		await().atMost(TIMEOUT).until(() -> {
			Set<TopicPartition> onA = a.intakePartitions();
			Set<TopicPartition> onB = b.intakePartitions();
			return !onA.isEmpty() && !onB.isEmpty() && onA.size() + onB.size() == 3
					&& onA.stream().noneMatch(onB::contains);
		});
	}

	@AfterAll
	static void stopBothNodesAndDropTheDatabase() {
		// These contexts are this class's own: close them before the database goes.
		try {
			if (admin != null) {
				admin.close();
			}
			if (b != null) {
				b.context.close();
			}
			if (a != null) {
				a.context.close();
			}
		}
		finally {
			if (database != null) {
				database.close();
			}
		}
	}

	@Test
	void startsEveryReferralExactlyOnceOnOneNodeOrTheOtherAndLosesNoWithdrawal() throws Exception {
		String prefix = "ref-scale-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		List<String> referralIds = new ArrayList<>();
		Map<String, String> firstEventIds = new HashMap<>();
		List<String> secondEventIds = new ArrayList<>();
		List<CompletableFuture<?>> sent = new ArrayList<>();
		try (var intake = new IntakeStandIn(); var probe = new EventProbe(bootstrapServers(), EventTopics.WORKFLOW)) {
			long deadLettersBefore = endOffsets(EventTopics.deadLetterOf(EventTopics.INTAKE));
			for (int i = 0; i < REFERRALS; i++) {
				String referralId = prefix + i;
				String eventId = UUID.randomUUID().toString();
				referralIds.add(referralId);
				firstEventIds.put(referralId, eventId);
				sent.add(intake.publish(ReferralProcessScenarios.submitted(referralId, "LOW_BACK_PAIN"), eventId));
			}
			// A redelivery (same ce_id) and a second submission of the same referral (new
			// ce_id): neither may start another instance.
			for (int i = 0; i < SAME_EVENT_AGAIN; i++) {
				String referralId = referralIds.get(i);
				sent.add(intake.publish(ReferralProcessScenarios.submitted(referralId, "LOW_BACK_PAIN"),
						firstEventIds.get(referralId)));
			}
			for (int i = SAME_EVENT_AGAIN; i < SAME_EVENT_AGAIN + NEW_EVENT_AGAIN; i++) {
				String eventId = UUID.randomUUID().toString();
				secondEventIds.add(eventId);
				sent.add(intake.publish(ReferralProcessScenarios.submitted(referralIds.get(i), "LOW_BACK_PAIN"),
						eventId));
			}
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
			awaitEverythingConsumed();

			List<ProcessInstance> running = a.runtime()
				.createProcessInstanceQuery()
				.processInstanceBusinessKeyLike(prefix + "%")
				.list();
			assertThat(running).extracting(ProcessInstance::getBusinessKey)
				.containsExactlyInAnyOrderElementsOf(referralIds);
			assertThat(b.history()
				.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKeyLike(prefix + "%")
				.list()).extracting(HistoricProcessInstance::getBusinessKey)
				.containsExactlyInAnyOrderElementsOf(referralIds);
			List<Task> open = a.tasks().createTaskQuery().processInstanceBusinessKeyLike(prefix + "%").list();
			assertThat(open).hasSize(REFERRALS)
				.allSatisfy(task -> assertThat(task.getTaskDefinitionKey()).isEqualTo("triage"));
			assertThat(open).extracting(Task::getProcessInstanceId)
				.containsExactlyInAnyOrderElementsOf(running.stream().map(ProcessInstance::getId).toList());
			Set<String> processed = new HashSet<>(
					a.jdbc().queryForList("select event_id from processed_event", String.class));
			assertThat(processed).containsAll(firstEventIds.values()).containsAll(secondEventIds);
			// Both nodes did part of the work, and no referral was started by both.
			assertThat(a.started).isNotEmpty();
			assertThat(b.started).isNotEmpty();
			assertThat(a.started).doesNotContainAnyElementsOf(b.started);
			Set<String> startedHere = new HashSet<>(a.started);
			startedHere.addAll(b.started);
			assertThat(startedHere).containsAll(referralIds);

			List<String> withdrawn = referralIds.subList(0, WITHDRAWN);
			sent.clear();
			for (String referralId : withdrawn) {
				sent.add(intake.publish(ReferralWithdrawn.newBuilder()
					.setReferralId(referralId)
					.setWithdrawnAt(ReferralProcessScenarios.now())
					.setReferrerId("dr-ada")
					.setReason("Treated elsewhere")
					.build(), UUID.randomUUID().toString()));
			}
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();

			// Triage started, then closed.
			for (String referralId : withdrawn) {
				probe.awaitRecords(referralId, 2, TIMEOUT);
			}
			awaitEverythingConsumed();
			await().atMost(TIMEOUT)
				.until(() -> a.jdbc()
					.queryForObject("select count(*) from event_publication where completion_date is null",
							Integer.class) == 0);
			for (String referralId : referralIds) {
				probe.awaitRecords(referralId, 1, TIMEOUT);
			}
			Map<String, List<SpecificRecord>> published = probe.seen()
				.stream()
				.filter(record -> record.key().startsWith(prefix))
				.collect(Collectors.groupingBy(record -> record.key(),
						Collectors.mapping(record -> CODEC.decode(record.value()), Collectors.toList())));
			// One ReferralTriageStarted each, and one ReferralClosed each withdrawn: a
			// second one would mean both nodes relayed the same publication.
			assertThat(published).containsOnlyKeys(referralIds).allSatisfy((referralId, events) -> {
				assertThat(events).filteredOn(ReferralTriageStarted.class::isInstance).hasSize(1);
				List<SpecificRecord> others = events.stream()
					.filter(event -> !(event instanceof ReferralTriageStarted))
					.toList();
				if (withdrawn.contains(referralId)) {
					assertThat(others).singleElement()
						.isInstanceOfSatisfying(ReferralClosed.class,
								closed -> assertThat(closed.getOutcome()).isEqualTo("WITHDRAWN"));
				}
				else {
					assertThat(others).isEmpty();
				}
			});
			assertThat(b.history()
				.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKeyLike(prefix + "%")
				.finished()
				.list()).extracting(HistoricProcessInstance::getBusinessKey, HistoricProcessInstance::getEndActivityId)
				.containsExactlyInAnyOrderElementsOf(
						withdrawn.stream().map(id -> tuple(id, "SubProcess_Withdrawal")).toList());
			List<Task> stillOpen = b.tasks().createTaskQuery().processInstanceBusinessKeyLike(prefix + "%").list();
			assertThat(stillOpen).hasSize(REFERRALS - WITHDRAWN)
				.allSatisfy(task -> assertThat(task.getTaskDefinitionKey()).isEqualTo("triage"));
			assertThat(a.runtime().createProcessInstanceQuery().processInstanceBusinessKeyLike(prefix + "%").list())
				.extracting(ProcessInstance::getBusinessKey)
				.containsExactlyInAnyOrderElementsOf(referralIds.subList(WITHDRAWN, REFERRALS));
			assertThat(endOffsets(EventTopics.deadLetterOf(EventTopics.INTAKE))).as("dead letters")
				.isEqualTo(deadLettersBefore);
		}
	}

	@Test
	void eachNodeRunsTheTimersOfProcessesTheOtherNodeStarted() {
		String prefix = "ref-timer-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		List<String> startedOnA = startDirectly(a, prefix + "a-", 3);
		List<String> startedOnB = startDirectly(b, prefix + "b-", 3);

		// Only one job executor runs at a time, so the node that runs a job is known.
		Map<String, String> ranOn = new HashMap<>();
		a.pauseJobExecutor();
		b.pauseJobExecutor();
		ranOn.putAll(runTriageTimeouts(startedOnA, b));
		b.pauseJobExecutor();
		ranOn.putAll(runTriageTimeouts(startedOnB, a));
		b.resumeJobExecutor();

		assertThat(ranOn).hasSize(6);
		startedOnA.forEach(referralId -> assertThat(ranOn).containsEntry(referralId, "node-b"));
		startedOnB.forEach(referralId -> assertThat(ranOn).containsEntry(referralId, "node-a"));
		// The overdue triage tasks were escalated to clinic leads (OverdueEscalation).
		List<String> all = new ArrayList<>(startedOnA);
		all.addAll(startedOnB);
		for (String referralId : all) {
			Task triage = a.tasks().createTaskQuery().processInstanceBusinessKey(referralId).singleResult();
			assertThat(a.tasks().getIdentityLinksForTask(triage.getId())).extracting(IdentityLink::getGroupId)
				.contains("clinic-leads", "intake-coordinators");
		}
	}

	/**
	 * Makes the triage timeout timers of these referrals due and waits until the running
	 * job executor has run them; returns the host name each ran on (historic job log).
	 */
	private Map<String, String> runTriageTimeouts(List<String> referralIds, Node runner) {
		ManagementService management = runner.management();
		Map<String, Job> timers = new HashMap<>();
		for (String referralId : referralIds) {
			String instance = runner.runtime()
				.createProcessInstanceQuery()
				.processInstanceBusinessKey(referralId)
				.singleResult()
				.getId();
			timers.put(referralId, management.createJobQuery().processInstanceId(instance).timers().singleResult());
		}
		Date past = Date.from(Instant.now().minusSeconds(60));
		timers.values().forEach(job -> management.setJobDuedate(job.getId(), past));
		// A fresh acquisition thread looks for due jobs at once, instead of after an idle
		// back-off of up to a minute.
		runner.resumeJobExecutor();
		await().atMost(TIMEOUT)
			.until(() -> management.createJobQuery()
				.jobIds(timers.values().stream().map(Job::getId).collect(Collectors.toSet()))
				.count() == 0);
		return timers.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					entry -> runner.history()
						.createHistoricJobLogQuery()
						.jobId(entry.getValue().getId())
						.successLog()
						.singleResult()
						.getHostname()));
	}

	private static List<String> startDirectly(Node node, String prefix, int count) {
		List<String> referralIds = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String referralId = prefix + i;
			node.context.getBean(StartingAssessment.class)
				.start(UUID.randomUUID().toString(), new ReferralToAssess(referralId, "pat-" + i, "dr-ada", "NECK_PAIN",
						"neck", 9, true, false, false, false, false, false, false, "ROUTINE"));
			referralIds.add(referralId);
		}
		return referralIds;
	}

	/**
	 * Waits until group "workflow" has committed every record of the intake topic: each
	 * record's effect committed before its offset.
	 */
	private static void awaitEverythingConsumed() {
		await().atMost(TIMEOUT).until(() -> {
			Map<TopicPartition, Long> end = endOffsetsByPartition(EventTopics.INTAKE);
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("workflow")
				.partitionsToOffsetAndMetadata()
				.get();
			return end.entrySet()
				.stream()
				.allMatch(e -> committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
		});
	}

	private static long endOffsets(String topic) throws Exception {
		return endOffsetsByPartition(topic).values().stream().mapToLong(Long::longValue).sum();
	}

	private static Map<TopicPartition, Long> endOffsetsByPartition(String topic) throws Exception {
		var partitions = admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get()
			.get(topic)
			.partitions()
			.stream()
			.map(p -> new TopicPartition(topic, p.partition()))
			.collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
		return admin.listOffsets(partitions)
			.all()
			.get()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
	}

	static String bootstrapServers() {
		return SharedTestBroker.bootstrapServers();
	}

	/**
	 * One workflow node: its own application context, engine, job executor and consumers,
	 * and the referrals whose process instance it started (recorded after commit, so a
	 * start that rolled back is not counted).
	 */
	static final class Node implements ApplicationListener<ApplicationEvent> {

		final String name;

		final Set<String> started = ConcurrentHashMap.newKeySet();

		ConfigurableApplicationContext context;

		private Node(String name) {
			this.name = name;
		}

		static Node start(String name, LocalPostgres database) {
			Node node = new Node(name);
			// Arguments, not default properties: application-postgres.yml must not win
			// over the fresh database's URL.
			node.context = new SpringApplicationBuilder(WorkflowApplication.class).profiles("postgres")
				.listeners(node)
				.run("--spring.datasource.url=" + database.jdbcUrl(),
						"--spring.datasource.username=" + LocalPostgres.username(),
						"--spring.datasource.password=" + LocalPostgres.password(), "--server.port=0",
						"--spring.kafka.bootstrap-servers=" + bootstrapServers(), "--prolo.kafka.username=workflow",
						"--prolo.kafka.password=" + TestKafka.password("workflow"),
						// Two engines in one JVM: Camunda's static registry needs two
						// names.
						"--camunda.bpm.generate-unique-process-engine-name=true",
						// Written to the job log: which node ran a job.
						"--camunda.bpm.generic-properties.properties.hostname=" + name);
			return node;
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof HistoricProcessInstanceEventEntity instance
					&& HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(instance.getEventType())) {
				String businessKey = instance.getBusinessKey();
				if (TransactionSynchronizationManager.isSynchronizationActive()) {
					TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
						@Override
						public void afterCommit() {
							started.add(businessKey);
						}
					});
				}
				else {
					started.add(businessKey);
				}
			}
		}

		Set<TopicPartition> intakePartitions() {
			return context.getBean(KafkaListenerEndpointRegistry.class)
				.getListenerContainers()
				.stream()
				.map(MessageListenerContainer::getAssignedPartitions)
				.filter(Objects::nonNull)
				.flatMap(Collection::stream)
				.filter(partition -> EventTopics.INTAKE.equals(partition.topic()))
				.collect(Collectors.toSet());
		}

		void pauseJobExecutor() {
			jobExecutor().shutdown();
		}

		void resumeJobExecutor() {
			jobExecutor().start();
		}

		private JobExecutor jobExecutor() {
			return context.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor();
		}

		RuntimeService runtime() {
			return context.getBean(RuntimeService.class);
		}

		TaskService tasks() {
			return context.getBean(TaskService.class);
		}

		HistoryService history() {
			return context.getBean(HistoryService.class);
		}

		ManagementService management() {
			return context.getBean(ManagementService.class);
		}

		JdbcTemplate jdbc() {
			return context.getBean(JdbcTemplate.class);
		}

	}

	/**
	 * Publishes as the intake service does: the platform's EventPublisher and serializer,
	 * with the CloudEvents id chosen by the test.
	 */
	static final class IntakeStandIn implements AutoCloseable {

		private final DefaultKafkaProducerFactory<String, Object> producers;

		private final EventPublisher publisher;

		@SuppressWarnings("unchecked")
		IntakeStandIn() {
			Serializer<?> avro = new AvroEventSerializer();
			this.producers = new DefaultKafkaProducerFactory<>(TestKafka.clientConfig("intake"), new StringSerializer(),
					(Serializer<Object>) avro);
			this.publisher = new EventPublisher(new KafkaTemplate<>(producers), "/prolo/intake", Clock.systemUTC());
		}

		CompletableFuture<?> publish(SpecificRecord event, String eventId) {
			return publisher.publish(EventTopics.INTAKE, event, eventId);
		}

		@Override
		public void close() {
			producers.destroy();
		}

	}

}
