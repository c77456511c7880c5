package org.prolo.timeline;

import org.prolo.platform.security.testing.HttpOnlyServiceContext;
import org.prolo.platform.testing.SharedBrokerSignIn;

import org.springframework.context.annotation.Import;

/** {@link HttpOnlyServiceContext} signed in to the test broker as timeline. */
@Import(SharedBrokerSignIn.class)
abstract class HttpOnlyContext extends HttpOnlyServiceContext {

}
