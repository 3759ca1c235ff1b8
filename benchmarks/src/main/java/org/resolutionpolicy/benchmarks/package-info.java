/**
 * JMH benchmarks of resolution-policy against hand-written Java, plain Drools and Easy Rules:
 * {@link org.resolutionpolicy.benchmarks.BenchmarkTable} runs them all and prints one table.
 */
package org.resolutionpolicy.benchmarks;
