package org.prolo.intake.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.springframework.stereotype.Component;

/**
 * Refuses JSON text with NUL, other control characters (tab, line feed and carriage
 * return aside) or a lone UTF-16 surrogate: PostgreSQL cannot store NUL, a lone surrogate
 * cannot be written back out as UTF-8, and neither belongs in a referral. The field is
 * named in the 400 like any value of the wrong format.
 */
@Component
class PlainTextModule extends SimpleModule {

	PlainTextModule() {
		super("intake-plain-text");
		addDeserializer(String.class, new PlainText());
	}

	static final class PlainText extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String text = super.deserialize(parser, context);
			if (text != null && !isPlain(text)) {
				return (String) context.handleWeirdStringValue(String.class, text,
						"contains a control character or a lone surrogate");
			}
			return text;
		}

		static boolean isPlain(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
					return false;
				}
				if (Character.isHighSurrogate(c)) {
					if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
						return false;
					}
					i++;
				}
				else if (Character.isLowSurrogate(c)) {
					return false;
				}
			}
			return true;
		}

	}

}
