package org.prolo.workflow.outbox;

import java.util.concurrent.Executor;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor of @Async work, which here is only the outbox relay
 * (@ApplicationModuleListener is @Async). One thread, first in first out: the events of
 * one transaction, and of one referral's successive transactions, reach Kafka in the
 * order the process published them (CoursePlanned before ReferralClosed). Boot's own
 * applicationTaskExecutor is not used because the Camunda starter's task executor makes
 * it back off.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxExecution implements AsyncConfigurer {

	@Override
	public Executor getAsyncExecutor() {
		var executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("outbox-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(30);
		executor.initialize();
		return executor;
	}

}
