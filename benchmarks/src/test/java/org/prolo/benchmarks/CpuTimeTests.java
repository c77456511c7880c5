package org.prolo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuTimeTests {

	@Test
	void addsUserAndSystemTicksEvenWhenTheCommandHasSpacesAndParentheses() {
		String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 40 0 100 0 0";

		assertThat(CpuTime.ticks(stat)).isEqualTo(1234 + 567);
	}

	@Test
	void thisJvmHasUsedSomeCpu() {
		assertThat(CpuTime.ticksOf(ProcessHandle.current().pid())).isPositive();
	}

}
