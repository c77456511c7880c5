package org.prolo.portal;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where intake is and how long the portal waits for it, where the staff pages get their
 * figures and the waiting list, where staff find their tasks, and the time zone dates are
 * shown in.
 *
 * @param intakeUrl intake's base URL, e.g. http://localhost:8081 (http://intake:8081 in
 * docker-compose)
 * @param intakeConnectTimeout how long to wait for a connection to intake
 * @param intakeReadTimeout how long to wait for intake's answer; a page then says intake
 * is unavailable rather than hanging
 * @param tasklistUrl Camunda Tasklist, where the 403 page sends clinic staff
 * @param timeZone the zone of the dates and times on the pages
 * @param timelineUrl the timeline service's base URL (its key figures, for the overview)
 * @param workflowUrl the workflow service's base URL (overdue tasks, for the overview)
 * @param schedulingUrl the scheduling service's base URL (the waiting list, and the slots
 * clinic leads add)
 * @param overviewTimeout how long the staff pages wait for each of them (to connect, and
 * for the answer); the overview then shows what the others answered
 */
@Validated
@ConfigurationProperties("portal")
public record PortalProperties(@NotNull @DefaultValue("http://localhost:8081") URI intakeUrl,
		@NotNull @DefaultValue("2s") Duration intakeConnectTimeout,
		@NotNull @DefaultValue("10s") Duration intakeReadTimeout,
		@NotNull @DefaultValue("http://localhost:8080/camunda/app/tasklist/") URI tasklistUrl, ZoneId timeZone,
		@NotNull @DefaultValue("http://localhost:8085") URI timelineUrl,
		@NotNull @DefaultValue("http://localhost:8080") URI workflowUrl,
		@NotNull @DefaultValue("http://localhost:8083") URI schedulingUrl,
		@NotNull @DefaultValue("5s") Duration overviewTimeout) {

	public PortalProperties {
		timeZone = (timeZone != null) ? timeZone : ZoneId.systemDefault();
	}

}
