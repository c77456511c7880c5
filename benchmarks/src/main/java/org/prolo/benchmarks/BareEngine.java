package org.prolo.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * Camunda's engine built in this JVM, configured as the workflow service configures it
 * (history FULL, JSON serialization, UUID ids, removal-time cleanup, authorizations with
 * no per-task rows for candidate groups, job executor on, a Hikari pool of 10 like Spring
 * Boot's default), without Spring, Kafka or the outbox. The beans the model evaluates up
 * to the triage task are {@code dueDates} and {@code stageEvents}; stubs stand in for
 * them. The other beans the model names run only after triage and are never reached here.
 */
final class BareEngine implements AutoCloseable {

	static final String PROCESS_KEY = "prolotherapy-referral";

	/**
	 * The start facts the clinic's history records again (the record-history form's
	 * outputs), so their creation keeps its detail; the workflow reads this from the
	 * forms.
	 */
	static final List<String> RECORDED_AGAIN = List.of("painDurationMonths", "priorConservativeCare", "anticoagulated",
			"allergyToInjectate", "pregnant", "uncontrolledDiabetes");

	private final HikariDataSource dataSource;

	private final ProcessEngine engine;

	private BareEngine(HikariDataSource dataSource, ProcessEngine engine) {
		this.dataSource = dataSource;
		this.engine = engine;
	}

	/**
	 * A fresh engine schema in {@code database}, with the product's BPMN, DMN and forms
	 * deployed.
	 */
	static BareEngine onFreshDatabase(String database, Path bpmnDir, int poolSize, String history) {
		return onFreshDatabase(database, bpmnDir, poolSize, history, false, List.of());
	}

	/**
	 * As {@link #onFreshDatabase(String, Path, int, String)}, optionally without the
	 * detail rows of creating the set-once start facts (as the workflow's
	 * StartFactHistory), and with PostgreSQL settings for this database's sessions
	 * ({@code ALTER DATABASE ... SET}, e.g. {@code synchronous_commit=off}), which change
	 * nothing for the server's other databases.
	 */
	static BareEngine onFreshDatabase(String database, Path bpmnDir, int poolSize, String history,
			boolean skipStartFactDetails, List<String> databaseSettings) {
		Postgres.recreate(database);
		Postgres.configure(database, databaseSettings);
		BareEngine bare = build(database, poolSize, true, "true", history, skipStartFactDetails);
		bare.deploy(bpmnDir);
		return bare;
	}

	/**
	 * An extra engine node on a database whose engine schema and deployment exist (the
	 * workflow service's own), with its job executor off.
	 */
	static BareEngine joining(String database, int poolSize) {
		return joining(database, poolSize, "");
	}

	/**
	 * As {@link #joining(String, int)}, its connections opened with the JDBC URL's query
	 * string {@code urlOptions} (e.g. the workflow's session settings).
	 */
	static BareEngine joining(String database, int poolSize, String urlOptions) {
		return joining(database, poolSize, urlOptions, List.of());
	}

	/**
	 * As {@link #joining(String, int, String)}, with more engine plugins (e.g. the
	 * workflow's own, {@link WorkflowClasses}).
	 */
	static BareEngine joining(String database, int poolSize, String urlOptions, List<ProcessEnginePlugin> plugins) {
		return build(database, urlOptions, poolSize, false, "false", "full", false, plugins);
	}

	private static BareEngine build(String database, int poolSize, boolean jobExecutor, String schemaUpdate,
			String history, boolean skipStartFactDetails) {
		return build(database, "", poolSize, jobExecutor, schemaUpdate, history, skipStartFactDetails, List.of());
	}

	private static BareEngine build(String database, String urlOptions, int poolSize, boolean jobExecutor,
			String schemaUpdate, String history, boolean skipStartFactDetails, List<ProcessEnginePlugin> plugins) {
		HikariConfig hikari = new HikariConfig();
		hikari.setJdbcUrl(Postgres.url(database) + (urlOptions.isEmpty() ? "" : "?" + urlOptions));
		hikari.setUsername(Postgres.USER);
		hikari.setPassword(Postgres.PASSWORD);
		hikari.setMaximumPoolSize(poolSize);
		hikari.setPoolName("bench-" + database);
		HikariDataSource dataSource = new HikariDataSource(hikari);

		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName("bench-" + database);
		configuration.setDataSource(dataSource);
		configuration.setDatabaseSchemaUpdate(schemaUpdate);
		configuration.setHistory(history);
		configuration.setJobExecutorActivate(jobExecutor);
		configuration.setIdGenerator(new StrongUuidGenerator());
		configuration.setDefaultSerializationFormat("application/json");
		configuration.setEnforceHistoryTimeToLive(true);
		configuration.setHistoryTimeToLive("P180D");
		configuration.setHistoryCleanupStrategy("removalTimeBased");
		configuration.setHistoryRemovalTimeStrategy("end");
		List<ProcessEnginePlugin> all = new ArrayList<>(List.of(new SpinProcessEnginePlugin()));
		all.addAll(plugins);
		configuration.setProcessEnginePlugins(all);
		if (skipStartFactDetails) {
			configuration.setEnableDefaultDbHistoryEventHandler(false);
			configuration.setCustomHistoryEventHandlers(new ArrayList<>(List.of(new StartFactHistory())));
		}
		// As the workflow runs: authorizations on, default task permissions for the
		// people given a task. Nobody is authenticated while seeding or starting here, so
		// the engine checks nothing.
		configuration.setAuthorizationEnabled(true);
		configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
		// As the workflow's TaskGrantsOnDefinition: a candidate group gets no row per
		// task; staff groups hold READ_TASK and TASK_WORK on the process definition.
		configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
			@Override
			public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
				return null;
			}

			@Override
			public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
				return null;
			}
		});
		configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*|camunda-admin");
		Map<Object, Object> beans = new HashMap<>();
		beans.put("dueDates", new DueDates());
		beans.put("stageEvents", new StageEvents());
		configuration.setBeans(beans);
		return new BareEngine(dataSource, configuration.buildProcessEngine());
	}

	private void deploy(Path bpmnDir) {
		DeploymentBuilder deployment = engine.getRepositoryService()
			.createDeployment()
			.name("benchmark")
			.enableDuplicateFiltering(true);
		try (Stream<Path> files = Files.list(bpmnDir)) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				if (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form")) {
					deployment.addString(name, Files.readString(file));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		deployment.deploy();
	}

	ProcessEngine engine() {
		return engine;
	}

	/**
	 * Starts one referral's instance, as StartingAssessment does, and returns once it
	 * committed.
	 */
	void startReferral(String referralId) {
		engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, referralId, variables(referralId));
	}

	/**
	 * The process variables StartingAssessment passes:
	 * ReferralToAssess.processVariables() (the 14 facts and the referrer's copies of the
	 * six the clinic's history records again) and the trace.
	 */
	static Map<String, Object> variables(String referralId) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("referralId", referralId);
		variables.put("patientPseudonym", "P-bench");
		variables.put("referrerId", "dr-bench");
		variables.put("condition", "KNEE_OSTEOARTHRITIS");
		variables.put("bodySite", "left knee");
		variables.put("painDurationMonths", 9);
		variables.put("priorConservativeCare", true);
		variables.put("anticoagulated", false);
		variables.put("allergyToInjectate", false);
		variables.put("pregnant", false);
		variables.put("uncontrolledDiabetes", false);
		variables.put("activeInfectionAtSite", false);
		variables.put("malignancyAtSite", false);
		variables.put("urgency", "ROUTINE");
		RECORDED_AGAIN.forEach(name -> variables
			.put("referred" + Character.toUpperCase(name.charAt(0)) + name.substring(1), variables.get(name)));
		variables.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		return variables;
	}

	@Override
	public void close() {
		engine.close();
		dataSource.close();
	}

	/**
	 * Stands in for the workflow's StartFactHistory: no detail row for creating a start
	 * variable that nothing sets again.
	 */
	static final class StartFactHistory extends DbHistoryEventHandler {

		private final Set<String> setOnce = variables("").keySet()
			.stream()
			.filter(name -> !RECORDED_AGAIN.contains(name))
			.collect(Collectors.toSet());

		@Override
		protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
			if (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE) && event.getTaskId() == null
					&& event.getProcessInstanceId() != null
					&& event.getProcessInstanceId().equals(event.getExecutionId())
					&& setOnce.contains(event.getVariableName())) {
				return false;
			}
			return super.shouldWriteHistoricDetail(event);
		}

	}

	/**
	 * Stands in for the workflow's StageEvents, which the triage task's create listener
	 * calls; the benchmark publishes no events.
	 */
	public static final class StageEvents {

		public void triageStarted(Object task) {
			// nothing to publish here
		}

	}

	/**
	 * Stands in for the workflow's DueDates: the date {@code days} working days from
	 * today.
	 */
	public static final class DueDates {

		private final ZoneId zone = ZoneId.of("Europe/Berlin");

		public Date workingDaysFromNow(int days) {
			LocalDate date = LocalDate.now(zone);
			int left = days;
			while (left > 0) {
				date = date.plusDays(1);
				if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
					left--;
				}
			}
			return Date.from(date.atTime(17, 0).atZone(zone).toInstant());
		}

	}

}
