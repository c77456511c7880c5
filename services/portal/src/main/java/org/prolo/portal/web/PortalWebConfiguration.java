package org.prolo.portal.web;

import java.util.List;

import org.prolo.platform.security.Roles;
import org.prolo.platform.security.ServiceAccessRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Physicians only on their pages, clinic leads only on the overview and the slots form,
 * clinic leads and intake coordinators on the waiting list, the style sheet for everyone,
 * Profile parameters.
 */
@Configuration(proxyBeanMethods = false)
class PortalWebConfiguration implements WebMvcConfigurer {

	/** The style sheet carries nothing private; the 403 and error pages need it too. */
	@Bean
	ServiceAccessRules portalAccessRules() {
		return requests -> requests.requestMatchers("/css/**").permitAll();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PhysiciansOnly()).addPathPatterns("/", "/referrals", "/referrals/**");
		registry.addInterceptor(new GroupsOnly("The clinic overview", "clinic leads", List.of(Roles.CLINIC_LEADS)))
			.addPathPatterns("/overview", "/overview/**");
		// In this order: a physician hears that the list is not for them, an intake
		// coordinator that the form is not.
		registry
			.addInterceptor(new GroupsOnly("The waiting list", "clinic leads and intake coordinators",
					Layout.WAITING_LIST_GROUPS))
			.addPathPatterns("/waiting-list", "/waiting-list/**");
		registry.addInterceptor(new GroupsOnly("Adding slots", "clinic leads", List.of(Roles.CLINIC_LEADS)))
			.addPathPatterns("/waiting-list/slots");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == Profile.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
					NativeWebRequest request, WebDataBinderFactory binders) {
				return Profile.current();
			}
		});
	}

}
