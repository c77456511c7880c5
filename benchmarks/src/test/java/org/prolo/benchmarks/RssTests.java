package org.prolo.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RssTests {

	private static final String STATUS = """
			Name:	java
			Umask:	0022
			State:	S (sleeping)
			VmPeak:	 5123456 kB
			VmSize:	 5023456 kB
			VmHWM:	  412340 kB
			VmRSS:	  398712 kB
			RssAnon:	  350000 kB
			Threads:	48
			""";

	@Test
	void readsVmRssInKibibytes() {
		assertThat(Rss.kibibytes(STATUS)).hasValue(398_712);
	}

	@Test
	void aProcessWithoutResidentMemoryHasNone() {
		assertThat(Rss.kibibytes("Name:\tkthreadd\nState:\tS (sleeping)\n")).isEmpty();
	}

	@Test
	void anUnexpectedUnitIsRefused() {
		assertThatThrownBy(() -> Rss.kibibytes("VmRSS:\t 12 MB\n")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void readsThisJvmsOwnRss() {
		assertThat(Rss.mebibytesOf(ProcessHandle.current().pid()).orElseThrow()).isPositive();
	}

}
