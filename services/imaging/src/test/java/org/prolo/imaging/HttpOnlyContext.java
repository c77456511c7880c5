package org.prolo.imaging;

import org.prolo.platform.security.testing.HttpOnlyServiceContext;
import org.prolo.platform.testing.SharedBrokerSignIn;

import org.springframework.context.annotation.Import;

/** {@link HttpOnlyServiceContext} signed in to the test broker as imaging. */
@Import(SharedBrokerSignIn.class)
abstract class HttpOnlyContext extends HttpOnlyServiceContext {

}
