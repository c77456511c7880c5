/**
 * The clinic leads' overview at {@code /overview}: open referrals by stage, overdue tasks
 * by candidate group, and each stage's median and 90th percentile duration week by week.
 * The charts are inline SVG drawn on the server (the portal's Content Security Policy
 * allows no script); each carries a title and a description with its figures, and the
 * same figures follow as a table. Figures a service could not give are named as missing;
 * the rest of the page stands.
 */
package org.prolo.portal.overview;
