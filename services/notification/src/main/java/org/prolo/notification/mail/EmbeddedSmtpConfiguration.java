package org.prolo.notification.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.prolo.notification.NotificationProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * A real SMTP server in-process, so the local demo sends real mail without
 * infrastructure. Only in the demo profile, which also points {@code spring.mail.*} at
 * it; otherwise letters go to the configured server.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class EmbeddedSmtpConfiguration {

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail embeddedSmtpServer(NotificationProperties properties) {
		var setup = new ServerSetup(properties.embeddedSmtp().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		setup.setServerStartupTimeout(10_000);
		return new GreenMail(setup);
	}

}
