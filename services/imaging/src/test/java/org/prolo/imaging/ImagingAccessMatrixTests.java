package org.prolo.imaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.prolo.imaging.order.ImagingOrder;
import org.prolo.imaging.order.ImagingOrders;
import org.prolo.imaging.order.Modality;
import org.prolo.platform.security.Roles;
import org.prolo.platform.security.testing.AccessMatrix;
import org.prolo.platform.security.testing.AccessMatrix.Access;
import org.prolo.platform.security.testing.AccessMatrix.Caller;
import org.prolo.platform.security.testing.AccessMatrix.Endpoint;
import org.prolo.platform.security.testing.AccessMatrixContract;
import org.prolo.platform.security.testing.BrowserSessions;
import org.prolo.platform.security.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may call what: every endpoint of the imaging service against every kind of caller,
 * through the production filter chain and access rules (tokens signed by
 * {@link TestTokens}, checked for signature, issuer and expiry as in production). An
 * endpoint a caller may use answers as it would anyone (a 404 for an unknown order is a
 * request that got past the rules); one it may not use answers 401, 403 or the sign-in
 * redirect, as {@link AccessMatrix} expects.
 */
class ImagingAccessMatrixTests extends HttpOnlyContext implements AccessMatrixContract {

	private static final String REPORT = """
			{"redFlag":false,"fullThicknessTear":false,"osteoarthritisGrade":1,"report":"Mild narrowing."}""";

	@Autowired
	ImagingOrders orders;

	static final Caller RADIOLOGY = Caller.bearer("client radiology (imaging.report)",
			() -> TestTokens.client("radiology", Roles.IMAGING_REPORT));

	static final Caller CLIENT_WITHOUT_SCOPE = Caller.bearer("client workflow (timeline.read only)",
			() -> TestTokens.client("workflow", Roles.TIMELINE_READ));

	static final AccessMatrix MATRIX = AccessMatrix.withServiceClients(RADIOLOGY, CLIENT_WITHOUT_SCOPE);

	static final Set<Caller> STAFF = AccessMatrix.STAFF;

	@Override
	public Stream<Access> cases() {
		return MATRIX.cases(endpoints());
	}

	static List<Endpoint> endpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		endpoints.add(new Endpoint(HttpMethod.GET, "/api/imaging-orders?status=OPEN", null, STAFF, 200));
		endpoints.add(new Endpoint(HttpMethod.GET, "/api/imaging-orders/no-such-order", null, STAFF, 404));
		endpoints.add(new Endpoint(HttpMethod.POST, "/api/imaging-orders/no-such-order/report", REPORT,
				Set.of(Caller.CLINICIAN, RADIOLOGY), 404));
		endpoints.addAll(MATRIX.platformEndpoints("/events/ImagingReported/v1.avsc"));
		return endpoints;
	}

	@Test
	void refusesAReportFromABrowserSessionWithoutCsrfToken() throws Exception {
		String orderId = openOrder();

		mvc.perform(post("/api/imaging-orders/{id}/report", orderId)
			.with(BrowserSessions.signedIn("clara", Roles.CLINICIANS))
			.contentType(MediaType.APPLICATION_JSON)
			.content(REPORT)).andExpect(status().isForbidden());

		// What a page's script does: send the token of the readable cookie back as the
		// header.
		mvc.perform(post("/api/imaging-orders/{id}/report", orderId)
			.with(BrowserSessions.signedIn("clara", Roles.CLINICIANS))
			.cookie(new Cookie("XSRF-TOKEN-IMAGING", "a-csrf-token"))
			.header("X-XSRF-TOKEN", "a-csrf-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content(REPORT)).andExpect(status().isOk());
	}

	@Test
	void acceptsAReportWithABearerTokenAndNoCsrfToken() throws Exception {
		String orderId = openOrder();

		mvc.perform(
				post("/api/imaging-orders/{id}/report", orderId).header(HttpHeaders.AUTHORIZATION, RADIOLOGY.token())
					.contentType(MediaType.APPLICATION_JSON)
					.content(REPORT))
			.andExpect(status().isOk());
	}

	private String openOrder() {
		String id = UUID.randomUUID().toString();
		orders.add(ImagingOrder.open(id, "ref-" + id, "pt-1", Modality.XRAY, "left knee", "Grade?", Instant.now()));
		return id;
	}

}
