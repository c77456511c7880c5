package org.prolo.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.prolo.platform.security.ProloSecurityAutoConfiguration;
import org.prolo.portal.PortalProperties;
import org.prolo.portal.intake.IntakeRefusedException;
import org.prolo.portal.intake.IntakeUnavailableException;
import org.prolo.portal.intake.InvalidInputException;
import org.prolo.portal.intake.ReferralNotFoundException;
import org.prolo.portal.intake.SignInExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages for what can go wrong on any page, instead of a stack trace: staff on a physician
 * page, anyone outside a staff page's groups on it, intake down or slow, a referral that
 * is not the physician's, a sign-in intake no longer accepts. Log lines name the
 * request's path (referral ids) and the cause's class only.
 */
@ControllerAdvice
class PortalErrors {

	static final String SIGN_IN = "/oauth2/authorization/" + ProloSecurityAutoConfiguration.LOGIN_REGISTRATION;

	private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);

	private final PortalProperties properties;

	private final OAuth2AuthorizedClientRepository authorizedClients;

	PortalErrors(PortalProperties properties, OAuth2AuthorizedClientRepository authorizedClients) {
		this.properties = properties;
		this.authorizedClients = authorizedClients;
	}

	@ExceptionHandler
	ModelAndView notAPhysician(NotAPhysicianException ex) {
		return page("error/not-physician", HttpStatus.FORBIDDEN).addObject("tasklistUrl",
				this.properties.tasklistUrl());
	}

	@ExceptionHandler
	ModelAndView notForThisCaller(NotForThisCallerException ex) {
		return page("error/not-for-this-caller", HttpStatus.FORBIDDEN).addObject("what", ex.what())
			.addObject("whoMay", ex.whoMay())
			.addObject("tasklistUrl", this.properties.tasklistUrl());
	}

	@ExceptionHandler
	ModelAndView intakeUnavailable(IntakeUnavailableException ex, HttpServletRequest request) {
		log.warn("Intake unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		return page("error/unavailable", HttpStatus.SERVICE_UNAVAILABLE).addObject("what", "referral service");
	}

	@ExceptionHandler
	ModelAndView notFound(ReferralNotFoundException ex) {
		return page("error/referral-not-found", HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler
	ModelAndView refused(IntakeRefusedException ex, HttpServletRequest request) {
		log.warn("Intake refused {} {} for this caller", request.getMethod(), request.getRequestURI());
		return page("error", HttpStatus.FORBIDDEN).addObject("message",
				"The clinic's referral service does not allow you to do this.");
	}

	@ExceptionHandler
	ModelAndView unexpectedInvalidInput(InvalidInputException ex, HttpServletRequest request) {
		log.warn("Intake refused the input of {} {}: {}", request.getMethod(), request.getRequestURI(),
				ex.getMessage());
		return page("error", HttpStatus.BAD_GATEWAY).addObject("message",
				"The clinic's referral service did not accept this request.");
	}

	/**
	 * Intake no longer accepts the physician's token. Not a redirect to sign in: if the
	 * new token were refused too, the browser would loop between portal and identity
	 * service.
	 */
	@ExceptionHandler
	ModelAndView signInExpired(SignInExpiredException ex, HttpServletRequest request, HttpServletResponse response) {
		log.info("Intake refused the access token for {} {}", request.getMethod(), request.getRequestURI());
		this.authorizedClients.removeAuthorizedClient(ProloSecurityAutoConfiguration.LOGIN_REGISTRATION,
				SecurityContextHolder.getContext().getAuthentication(), request, response);
		return page("error/sign-in-expired", HttpStatus.UNAUTHORIZED).addObject("signInUrl", SIGN_IN);
	}

	/**
	 * No token from this sign-in (the portal restarted, or it was removed): sign in
	 * again.
	 */
	@ExceptionHandler
	ModelAndView signInRequired(ClientAuthorizationRequiredException ex) {
		return new ModelAndView("redirect:" + SIGN_IN);
	}

	/**
	 * The identity service refused to renew the token (the refresh token expired: sign in
	 * again) or could not be asked.
	 */
	@ExceptionHandler
	ModelAndView renewalFailed(OAuth2AuthorizationException ex, HttpServletRequest request) {
		if (OAuth2ErrorCodes.INVALID_GRANT.equals(ex.getError().getErrorCode())) {
			return new ModelAndView("redirect:" + SIGN_IN);
		}
		log.warn("Could not renew the access token for {} {}: {}", request.getMethod(), request.getRequestURI(),
				ex.getError().getErrorCode());
		return page("error/unavailable", HttpStatus.SERVICE_UNAVAILABLE).addObject("what", "sign-in service");
	}

	private static ModelAndView page(String view, HttpStatus status) {
		var page = new ModelAndView(view, status);
		page.addObject(Layout.SIGNED_IN_AS, Profile.current().displayName());
		page.addObject(Layout.STAFF, Layout.isStaff());
		page.addObject(Layout.CLINIC_LEAD, Layout.isClinicLead());
		page.addObject(Layout.WAITING_LIST_WORKER, Layout.isWaitingListWorker());
		page.addObject("status", status.value());
		page.addObject("error", status.getReasonPhrase());
		return page;
	}

}
