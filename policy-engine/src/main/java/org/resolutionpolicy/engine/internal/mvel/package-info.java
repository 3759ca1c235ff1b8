/**
 * The sandboxed MVEL compiler: {@link org.resolutionpolicy.engine.internal.mvel.SandboxedExpression} admits only
 * facts, literals, operators and a fixed set of helpers, and compiles the checked tree with MVEL. It is the body of
 * the model's {@link org.resolutionpolicy.engine.internal.model.Expression} condition node. Internal.
 */
package org.resolutionpolicy.engine.internal.mvel;
