package org.prolo.platform.events;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The broker answers a describeCluster within a short timeout: part of readiness, so a
 * service that cannot reach Kafka stops taking traffic, but never of liveness (a restart
 * does not bring the broker back).
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final Map<String, Object> adminProperties;

	private final Duration timeout;

	private AdminClient admin;

	KafkaHealthIndicator(Map<String, Object> adminProperties, Duration timeout) {
		super("Kafka health check failed");
		this.adminProperties = adminProperties;
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		var options = new DescribeClusterOptions().timeoutMs((int) timeout.toMillis());
		var cluster = admin().describeCluster(options);
		String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
	}

	private synchronized AdminClient admin() {
		if (admin == null) {
			var properties = new java.util.HashMap<>(adminProperties);
			properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
			properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
			properties.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "health");
			admin = AdminClient.create(properties);
		}
		return admin;
	}

	@Override
	public synchronized void destroy() {
		if (admin != null) {
			admin.close(Duration.ofSeconds(2));
		}
	}

}
