/**
 * The intake service: owns the referral and the patient's identifying data, and is the
 * only service that ever sees them. Sub-packages are features (Spring Modulith modules).
 */
package org.prolo.intake;
