/**
 * The transactional outbox: Spring Modulith stores each ReferralFact in event_publication
 * inside the engine's transaction; after commit this relay maps it to its Avro event and
 * puts it on workflow.referral-events.
 */
package org.prolo.workflow.outbox;
