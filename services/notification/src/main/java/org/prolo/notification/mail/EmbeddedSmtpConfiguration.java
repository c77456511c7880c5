package org.prolo.notification.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.prolo.notification.NotificationProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real SMTP server in-process, so the embedded default sends real mail without
 * infrastructure. Switched off with
 * {@code prolo.notification.embedded-smtp.enabled=false}; then {@code spring.mail.*}
 * points at the external server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "prolo.notification.embedded-smtp.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedSmtpConfiguration {

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail embeddedSmtpServer(NotificationProperties properties) {
		var setup = new ServerSetup(properties.embeddedSmtp().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		setup.setServerStartupTimeout(10_000);
		return new GreenMail(setup);
	}

}
