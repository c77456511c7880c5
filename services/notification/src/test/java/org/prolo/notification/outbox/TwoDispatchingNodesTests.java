package org.prolo.notification.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.prolo.notification.NotificationProperties;
import org.prolo.notification.letter.Letter;
import org.prolo.notification.letter.LetterKind;
import org.prolo.notification.mail.LetterMailer;
import org.prolo.platform.events.EventPublisher;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.prolo.platform.testing.SharedDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/**
 * Two notification nodes handed the same letter at the same moment (a restart's
 * republication on one while the other is still sending it): the referrer gets one mail.
 * Each node has its own dispatcher and connections; they share the database and the SMTP
 * server, which here records what it is given.
 */
class TwoDispatchingNodesTests {

	static final int LETTERS = 10;

	/** Everything the SMTP server was given: the letter id of each mail. */
	final List<String> mailed = new CopyOnWriteArrayList<>();

	@RegisterExtension
	final SharedDatabase database = new SharedDatabase();

	@Test
	void mailsEachLetterOnceWhenBothNodesDispatchItAtOnceOnH2() throws Exception {
		mailsEachLetterOnce(
				database.onH2("letters", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"));
	}

	@Test
	void mailsEachLetterOnceWhenBothNodesDispatchItAtOnceOnPostgres() throws Exception {
		mailsEachLetterOnce(database.onPostgres("prolo_notification_nodes", 4));
	}

	private void mailsEachLetterOnce(SharedDatabase.Nodes nodes) throws Exception {
		Flyway.configure().dataSource(nodes.a()).locations("classpath:db/migration").load().migrate();
		LetterDispatcher nodeA = node(nodes.a());
		LetterDispatcher nodeB = node(nodes.b());
		Letters letters = new Letters(JdbcClient.create(nodes.a()));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < LETTERS; i++) {
			String referralId = "R-" + UUID.randomUUID();
			ids.add(letters
				.add(new Letter(referralId, LetterKind.ACCEPTED, "ada@referrers.example", "Accepted", "Dear Dr Ada"),
						"dr-ada", "cause-" + i, Instant.now())
				.id());
		}

		ExecutorService twoNodes = Executors.newFixedThreadPool(2);
		try {
			for (String id : ids) {
				LetterWritten written = new LetterWritten(id, UUID.randomUUID().toString());
				CyclicBarrier together = new CyclicBarrier(2);
				Future<?> onA = twoNodes.submit(() -> dispatchWhenBothAreReady(nodeA, written, together));
				Future<?> onB = twoNodes.submit(() -> dispatchWhenBothAreReady(nodeB, written, together));
				onA.get(60, TimeUnit.SECONDS);
				onB.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			twoNodes.shutdownNow();
		}

		assertThat(mailed).hasSize(LETTERS).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(ids).allSatisfy(id -> assertThat(letters.find(id).orElseThrow().sent()).isTrue());
	}

	private static Void dispatchWhenBothAreReady(LetterDispatcher node, LetterWritten written, CyclicBarrier together)
			throws Exception {
		together.await(30, TimeUnit.SECONDS);
		node.dispatch(written);
		return null;
	}

	private LetterDispatcher node(DataSource dataSource) {
		var smtp = new JavaMailSenderImpl() {
			@Override
			public void send(MimeMessage message) {
				try {
					// Long enough for the other node to read the letter as unsent if
					// nothing held it back.
					Thread.sleep(50);
					mailed.add(message.getHeader(LetterMailer.LETTER_ID_HEADER)[0]);
				}
				catch (InterruptedException | MessagingException ex) {
					throw new IllegalStateException(ex);
				}
			}
		};
		var mailer = new LetterMailer(smtp, new NotificationProperties("referrals@prolo-clinic.example",
				"Prolotherapy clinic", new NotificationProperties.EmbeddedSmtp(3025), Duration.ofMinutes(1)));
		EventPublisher events = mock(EventPublisher.class);
		doAnswer(call -> {
			call.<Runnable>getArgument(1).run();
			return null;
		}).when(events).inTraceOf(any(), any());
		return new LetterDispatcher(new Letters(JdbcClient.create(dataSource)), mailer, events, Clock.systemUTC(),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
	}

}
