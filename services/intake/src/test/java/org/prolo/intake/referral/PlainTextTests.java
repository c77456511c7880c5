package org.prolo.intake.referral;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTests {

	@Test
	void acceptsTextWithTabsLineBreaksAndCharactersOutsideTheBasicPlane() {
		assertThat(PlainText.isPlain("Tennis elbow\r\n\tfor 8 months \ud83e\uddb4 Müller")).isTrue();
	}

	@Test
	void refusesNulAndOtherControlCharacters() {
		assertThat(PlainText.isPlain("a\u0000b")).isFalse();
		assertThat(PlainText.isPlain("bell\u0007")).isFalse();
		assertThat(PlainText.isPlain("delete\u007f")).isFalse();
		assertThat(PlainText.isPlain("next line\u0085")).isFalse();
	}

	@Test
	void refusesLoneSurrogatesWhereverTheyStand() {
		assertThat(PlainText.isPlain("\ud83d")).isFalse();
		assertThat(PlainText.isPlain("ends high \ud83d")).isFalse();
		assertThat(PlainText.isPlain("high \ud83d then text")).isFalse();
		assertThat(PlainText.isPlain("low \ude00 alone")).isFalse();
		assertThat(PlainText.isPlain("reversed \ude00\ud83d")).isFalse();
	}

}
