/** JMH benchmark of the access-token check every API call makes. */
package org.prolo.benchmarks.token;
