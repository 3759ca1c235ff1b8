/**
 * The sandboxed MVEL compiler: {@link org.resolutionpolicy.engine.internal.mvel.SandboxedExpression} admits only
 * facts, literals, operators and a fixed set of helpers, and compiles the checked tree with MVEL. Internal.
 */
package org.resolutionpolicy.engine.internal.mvel;
