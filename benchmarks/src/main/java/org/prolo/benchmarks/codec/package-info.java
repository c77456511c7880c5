/** JMH microbenchmarks of the Avro single-object codec (schemas' EventCodec). */
package org.prolo.benchmarks.codec;
