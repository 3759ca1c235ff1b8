/**
 * The test kit for policies: AssertJ assertions ({@link org.resolutionpolicy.test.PolicyAssertions}), scenario files
 * run by JUnit 5 ({@link org.resolutionpolicy.test.Scenarios}) and by the CLI ({@link org.resolutionpolicy.test.ScenarioRunner})
 * with rule coverage, and jqwik support ({@link org.resolutionpolicy.test.PolicyArbitraries},
 * {@link org.resolutionpolicy.test.PolicyProperties}). Add {@code policy-test} in test scope.
 */
package org.resolutionpolicy.test;
