package org.prolo.imaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.TestTokens;
import org.prolo.platform.testing.BadInputContract;
import org.prolo.platform.testing.BadRequest;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.prolo.platform.testing.BadRequest.oddIds;
import static org.prolo.platform.testing.BadRequest.raw;

/**
 * Every class of bad HTTP input against every endpoint of the radiology worklist, through
 * the real worklist and the real H2 store, sent by a clinician (who may use every
 * endpoint, so the input and not the access rules decides the answer). The answer is
 * always a 4xx application/problem+json, never a 5xx.
 */
class BadInputTests extends HttpOnlyContext implements BadInputContract {

	static Stream<BadRequest> badRequests() {
		List<BadRequest> cases = new ArrayList<>();
		String report = "/api/imaging-orders/5f0c6f7e-2d1b-4a8e-9a55-3c1f0b2d7e11/report";
		String valid = """
				{"redFlag":false,"redFlagKind":null,"fullThicknessTear":false,"osteoarthritisGrade":2,"report":"ok"}""";
		// The findings are checked before the order is looked up, so an unknown order
		// still shows every body error.
		cases.add(json("report: malformed (truncated)", report, "{\"redFlag\": ", 400, null));
		cases.add(json("report: malformed (not JSON)", report, "findings", 400, null));
		cases.add(json("report: malformed (array)", report, "[]", 400, null));
		cases.add(json("report: JSON null", report, "null", 400, null));
		cases.add(json("report: boolean as text", report, valid.replace("\"redFlag\":false", "\"redFlag\":\"maybe\""),
				400, "redFlag"));
		cases.add(json("report: grade as text", report, valid.replace(":2", ":\"two\""), 400, "osteoarthritisGrade"));
		cases.add(
				json("report: grade overflowing int", report, valid.replace(":2", ":99999999999999999999"), 400, null));
		cases
			.add(json("report: report as object", report, valid.replace("\"ok\"", "{\"text\":\"ok\"}"), 400, "report"));
		cases.add(json("report: unknown red flag kind", report,
				valid.replace("\"redFlag\":false,\"redFlagKind\":null", "\"redFlag\":true,\"redFlagKind\":\"GOUT\""),
				400, "redFlagKind"));
		cases.add(json("report: grade out of range", report, valid.replace(":2", ":7"), 400, "osteoarthritisGrade"));
		cases.add(json("report: empty object", report, "{}", 400, "redFlag"));
		cases.add(json("report: extra field beside a bad one", report,
				"{\"redFlag\":null,\"fullThicknessTear\":false,\"report\":\"ok\",\"radiologist\":\"x\"}", 400,
				"redFlag"));
		cases.add(json("report: empty body", report, "", 400, null));
		for (String type : new String[] { MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_XML_VALUE,
				MediaType.APPLICATION_FORM_URLENCODED_VALUE }) {
			cases.add(new BadRequest("report: content type " + type, HttpMethod.POST, report, type,
					valid.getBytes(StandardCharsets.UTF_8), 415, null));
		}
		cases.add(new BadRequest("report: no content type", HttpMethod.POST, report, null,
				valid.getBytes(StandardCharsets.UTF_8), 415, null));
		// Above the shared request size limit (1 MiB): refused before the findings are
		// read.
		cases.add(json("report: 2 MB body", report, valid.replace("\"ok\"", quoted("x".repeat(2 * 1024 * 1024))), 413,
				null));
		cases.add(json("report: 100k chars report", report, valid.replace("\"ok\"", quoted("x".repeat(100_000))), 400,
				"report"));
		cases.add(
				json("report: 100k chars red flag kind", report,
						valid.replace("\"redFlag\":false,\"redFlagKind\":null",
								"\"redFlag\":true,\"redFlagKind\":" + quoted("F".repeat(100_000))),
						400, "redFlagKind"));
		// PostgreSQL cannot store NUL and a lone surrogate has no UTF-8 form: refused as
		// findings; printable text of any plane reaches the order lookup.
		for (String[] text : new String[][] { { "NUL", "a\\u0000b" }, { "lone surrogate", "a\\ud800b" },
				{ "escape sequence", "a\\u001b[31mb" } }) {
			cases.add(json("report: " + text[0] + " in report", report, valid.replace("\"ok\"", quoted(text[1])), 400,
					"report"));
		}
		for (String[] text : new String[][] { { "RTL override", "\u202Eko" }, { "emoji", "\uD83D\uDE00" } }) {
			cases.add(json("report: " + text[0] + " in report of an unknown order", report,
					valid.replace("\"ok\"", quoted(text[1])), 404, null));
		}
		cases.add(new BadRequest("report: invalid UTF-8 bytes", HttpMethod.POST, report,
				MediaType.APPLICATION_JSON_VALUE, invalidUtf8(valid), 400, null));
		for (String[] id : oddIds()) {
			// The security firewall refuses these before any controller sees them.
			int status = Set.of("NUL", "encoded slash", "dot segments").contains(id[0]) ? 400 : 404;
			cases.add(raw("order: id " + id[0], HttpMethod.GET, "/api/imaging-orders/" + id[1], status, null));
			cases.add(json("report: id " + id[0], "/api/imaging-orders/" + id[1] + "/report", valid, status, null));
		}
		cases.add(raw("order: unknown id", HttpMethod.GET, "/api/imaging-orders/5f0c6f7e-2d1b-4a8e-9a55-3c1f0b2d7e11",
				404, null));
		for (String[] status : new String[][] { { "unknown", "CANCELLED" }, { "lower case", "open" }, { "number", "1" },
				{ "10k chars", "O".repeat(10_000) } }) {
			cases.add(raw("list: status " + status[0], HttpMethod.GET, "/api/imaging-orders?status=" + status[1], 400,
					"status"));
		}
		cases.add(raw("list: POST", HttpMethod.POST, "/api/imaging-orders", 405, null));
		cases.add(raw("report: GET", HttpMethod.GET, report, 405, null));
		return cases.stream();
	}

	private static BadRequest json(String name, String path, String body, int status, String field) {
		return new BadRequest(name, HttpMethod.POST, path, MediaType.APPLICATION_JSON_VALUE,
				body.getBytes(StandardCharsets.UTF_8), status, field);
	}

	private static String quoted(String text) {
		return "\"" + text + "\"";
	}

	/** The body in UTF-8 with bytes that are not UTF-8 in front of its last brace. */
	private static byte[] invalidUtf8(String body) {
		byte[] head = body.substring(0, body.lastIndexOf('"')).getBytes(StandardCharsets.UTF_8);
		byte[] bad = { (byte) 0xC3, (byte) 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
		byte[] tail = body.substring(body.lastIndexOf('"')).getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[head.length + bad.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(bad, 0, all, head.length, bad.length);
		System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
		return all;
	}

	@Override
	public String caller() {
		return TestTokens.user("clara", Roles.CLINICIANS);
	}

}
