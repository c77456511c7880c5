/**
 * Benchmarks of the product: open-loop load on intake, the referral's way from POST to
 * the triage task against the bare engine, the task list at 100k open tasks, memory and
 * start-up, each a sub-command of {@link org.prolo.benchmarks.Bench} that prints its
 * figures. The harness itself (percentiles, arrival times, RSS) is unit tested; the
 * benchmarks never run in the build.
 */
package org.prolo.benchmarks;
