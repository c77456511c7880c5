package org.prolo.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: request {@code i} is due at {@code start + i / rate}, whether or not
 * earlier requests have been answered, and its latency counts from that intended time, so
 * a server that falls behind shows up in the percentiles (no coordinated omission).
 */
public final class OpenLoop {

	/** What one step at one rate did. */
	public record Result(double targetRate, long sent, long ok, long errors, LatencyHistogram latency,
			long firstIntendedNanos, long lastCompletionNanos, long schedulerLagNanos) {

		/**
		 * Successful requests per second over the time from the first send to the last
		 * answer.
		 */
		public double acceptedRate() {
			long span = lastCompletionNanos - firstIntendedNanos;
			return span <= 0 ? 0 : ok * 1e9 / span;
		}
	}

	/** One request; it must not block the scheduler (run it asynchronously). */
	@FunctionalInterface
	public interface Request {

		/**
		 * Starts request {@code index}, due at {@code intendedNanos}; the stage completes
		 * with true for a success.
		 */
		CompletionStage<Boolean> send(int index, long intendedNanos);

	}

	private OpenLoop() {
	}

	/** Intended start of request {@code index} (0-based) at {@code ratePerSecond}. */
	public static long intendedNanos(long startNanos, long index, double ratePerSecond) {
		return startNanos + Math.round(index * 1e9 / ratePerSecond);
	}

	/** How many requests a step of this rate and duration sends. */
	public static int requestCount(double ratePerSecond, Duration duration) {
		return (int) Math.floor(ratePerSecond * duration.toNanos() / 1e9);
	}

	/**
	 * Sends each request at its intended time and waits (up to {@code drain}) for the
	 * answers.
	 */
	public static Result run(double ratePerSecond, Duration duration, Duration drain, Request request) {
		int count = requestCount(ratePerSecond, duration);
		LatencyHistogram latency = new LatencyHistogram();
		AtomicLong ok = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicLong lastCompletion = new AtomicLong();
		CompletableFuture<?>[] all = new CompletableFuture<?>[count];
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
		long maxLag = 0;
		for (int i = 0; i < count; i++) {
			long intended = intendedNanos(start, i, ratePerSecond);
			long wait;
			while ((wait = intended - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			maxLag = Math.max(maxLag, -wait);
			CompletionStage<Boolean> stage;
			try {
				stage = request.send(i, intended);
			}
			catch (RuntimeException e) {
				stage = CompletableFuture.failedFuture(e);
			}
			all[i] = stage.toCompletableFuture().handle((success, failure) -> {
				long now = System.nanoTime();
				lastCompletion.accumulateAndGet(now, Math::max);
				latency.recordNanos(now - intended);
				if (failure == null && Boolean.TRUE.equals(success)) {
					ok.incrementAndGet();
				}
				else {
					errors.incrementAndGet();
				}
				return null;
			});
		}
		try {
			CompletableFuture.allOf(all).get(drain.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception e) {
			// Unanswered requests count as errors below.
		}
		long answered = ok.get() + errors.get();
		return new Result(ratePerSecond, count, ok.get(), errors.get() + (count - answered), latency, start,
				lastCompletion.get(), maxLag);
	}

}
