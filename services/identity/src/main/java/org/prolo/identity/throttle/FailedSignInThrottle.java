package org.prolo.identity.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts failed sign-ins per key (a user name, or the address they came from): once
 * {@code failures} of them fall within {@code window}, the key is locked out for
 * {@code lockout}, and a sign-in for it is refused without its password being checked, so
 * guessing costs the guesser time rather than the server hashes. A successful sign-in
 * forgets the key's failures.
 * <p>
 * Memory stays bounded: at most {@code capacity} keys are remembered; when a new one
 * comes and the table is full, keys with nothing left to remember go first, then the one
 * seen least recently. Someone who makes up more names than that can shorten another
 * name's lock-out, but not from one address, whose own failures lock it out first.
 */
public final class FailedSignInThrottle {

	/**
	 * @param failures failures within the window that lock a key out
	 * @param window how far back failures count
	 * @param lockout how long a locked-out key is refused
	 */
	public record Limits(int failures, Duration window, Duration lockout) {

		public Limits {
			if (failures < 1) {
				throw new IllegalArgumentException("failures must be at least 1");
			}
			Objects.requireNonNull(window, "window");
			Objects.requireNonNull(lockout, "lockout");
		}

	}

	private final Limits limits;

	private final Clock clock;

	private final int capacity;

	/** Least recently seen first. */
	private final LinkedHashMap<String, Failures> keys = new LinkedHashMap<>(16, 0.75f, true);

	public FailedSignInThrottle(Limits limits, Clock clock, int capacity) {
		this.limits = limits;
		this.clock = clock;
		this.capacity = capacity;
	}

	/** Whether a sign-in for this key is refused now, until when it is locked out. */
	public synchronized boolean isLockedOut(String key) {
		Failures failures = this.keys.get(key);
		return failures != null && failures.lockedUntil != null && this.clock.instant().isBefore(failures.lockedUntil);
	}

	/** Records a failed sign-in; returns whether it locked the key out. */
	public synchronized boolean failed(String key) {
		Instant now = this.clock.instant();
		Failures failures = this.keys.get(key);
		if (failures == null) {
			makeRoom(now);
			failures = new Failures();
			this.keys.put(key, failures);
		}
		failures.forgetBefore(now.minus(this.limits.window()));
		failures.times.addLast(now);
		if (failures.times.size() >= this.limits.failures()) {
			failures.times.clear();
			failures.lockedUntil = now.plus(this.limits.lockout());
			return true;
		}
		return false;
	}

	/** Forgets the key's failures after a successful sign-in. */
	public synchronized void succeeded(String key) {
		this.keys.remove(key);
	}

	/** How many keys are remembered. */
	public synchronized int size() {
		return this.keys.size();
	}

	private void makeRoom(Instant now) {
		if (this.keys.size() < this.capacity) {
			return;
		}
		Instant windowStart = now.minus(this.limits.window());
		for (Iterator<Map.Entry<String, Failures>> it = this.keys.entrySet().iterator(); it.hasNext();) {
			if (it.next().getValue().isSpent(now, windowStart)) {
				it.remove();
			}
		}
		Iterator<String> leastRecent = this.keys.keySet().iterator();
		while (this.keys.size() >= this.capacity && leastRecent.hasNext()) {
			leastRecent.next();
			leastRecent.remove();
		}
	}

	private static final class Failures {

		private final Deque<Instant> times = new ArrayDeque<>();

		private Instant lockedUntil;

		void forgetBefore(Instant windowStart) {
			while (!this.times.isEmpty() && this.times.peekFirst().isBefore(windowStart)) {
				this.times.removeFirst();
			}
		}

		boolean isSpent(Instant now, Instant windowStart) {
			forgetBefore(windowStart);
			return this.times.isEmpty() && (this.lockedUntil == null || !now.isBefore(this.lockedUntil));
		}

	}

}
