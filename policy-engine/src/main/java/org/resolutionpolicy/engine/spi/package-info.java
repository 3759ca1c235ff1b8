/**
 * The engine's service interface for rule sources beside YAML: {@link org.resolutionpolicy.engine.spi.DrlCompiler},
 * implemented by {@code policy-drools} and found with {@link java.util.ServiceLoader}. The only package of the engine
 * other modules may use.
 */
package org.resolutionpolicy.engine.spi;
