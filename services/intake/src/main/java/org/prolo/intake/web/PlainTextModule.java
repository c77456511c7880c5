package org.prolo.intake.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.prolo.intake.referral.PlainText;

import org.springframework.stereotype.Component;

/**
 * Refuses JSON text that is not {@link PlainText}. The field is named in the 400 like any
 * value of the wrong format.
 */
@Component
class PlainTextModule extends SimpleModule {

	PlainTextModule() {
		super("intake-plain-text");
		addDeserializer(String.class, new PlainTextDeserializer());
	}

	static final class PlainTextDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String text = super.deserialize(parser, context);
			if (text != null && !PlainText.isPlain(text)) {
				return (String) context.handleWeirdStringValue(String.class, text,
						"contains a control character or a lone surrogate");
			}
			return text;
		}

	}

}
