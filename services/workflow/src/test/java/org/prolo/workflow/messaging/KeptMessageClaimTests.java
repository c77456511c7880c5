package org.prolo.workflow.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.prolo.platform.testing.SharedDatabase;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept-message sweep on two workflow nodes: both read the same kept messages, and a
 * message is delivered only by the node whose delete removed its row, in the delivering
 * transaction ({@link CorrelatingMessages#deliverKept}). Here two sweeps, each with its
 * own connections, claim every message at the same time: each message is claimed once.
 */
class KeptMessageClaimTests {

	static final int MESSAGES = 200;

	@RegisterExtension
	final SharedDatabase database = new SharedDatabase();

	@Test
	void twoSweepsClaimEachKeptMessageOnceOnH2() throws Exception {
		claimsEachOnce(database.onH2("kept", ""));
	}

	@Test
	void twoSweepsClaimEachKeptMessageOnceOnPostgres() throws Exception {
		claimsEachOnce(database.onPostgres("prolo_workflow_kept", 2));
	}

	private void claimsEachOnce(SharedDatabase.Nodes nodes) throws Exception {
		DataSource a = nodes.a();
		DataSource b = nodes.b();
		Flyway.configure().dataSource(a).locations("classpath:db/migration/common").load().migrate();
		EarlyMessages nodeA = new EarlyMessages(new JdbcTemplate(a), new ObjectMapper(), Clock.systemUTC());
		EarlyMessages nodeB = new EarlyMessages(new JdbcTemplate(b), new ObjectMapper(), Clock.systemUTC());
		for (int i = 0; i < MESSAGES; i++) {
			nodeA.keep(new EarlyMessages.EarlyMessage("event-" + i, "R-" + i, CorrelatingMessages.IMAGING_REPORTED,
					Map.of("imagingRedFlag", false)));
		}
		List<String> claimed = new CopyOnWriteArrayList<>();

		ExecutorService twoNodes = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Void>> sweeps = List.of(() -> sweep(nodeA, a, claimed), () -> sweep(nodeB, b, claimed));
			for (Future<Void> sweep : twoNodes.invokeAll(sweeps)) {
				sweep.get();
			}
		}
		finally {
			twoNodes.shutdownNow();
		}

		assertThat(claimed).hasSize(MESSAGES).doesNotHaveDuplicates();
		assertThat(nodeA.all()).isEmpty();
	}

	/** What the sweeper does, with a delivery that only records the claim. */
	private static Void sweep(EarlyMessages node, DataSource dataSource, List<String> claimed) {
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		for (EarlyMessages.EarlyMessage message : node.all()) {
			transaction.executeWithoutResult(status -> {
				if (node.remove(message.eventId())) {
					claimed.add(message.eventId());
				}
			});
		}
		return null;
	}

}
