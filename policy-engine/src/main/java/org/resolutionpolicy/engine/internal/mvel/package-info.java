/**
 * The sandboxed expression language: conditions in MVEL syntax, checked and run by our own code. Internal.
 *
 * <p>{@link org.resolutionpolicy.engine.internal.mvel.SandboxedExpression} admits only facts, literals, operators
 * and a fixed set of helpers ({@link org.resolutionpolicy.model.expr.HelperKind}), parses them into a
 * checked tree ({@link org.resolutionpolicy.model.expr.Expr}) and compiles the tree to typed closures. It is the
 * body of the model's {@link org.resolutionpolicy.model.Expression} condition node.
 *
 * <p>MVEL is the reference, not the runtime: the language is MVEL's subset with MVEL's semantics, and a
 * differential property test compiles source generated from each tree with real MVEL and requires the closures,
 * the tree evaluator and MVEL to agree. The engine itself never loads MVEL, so a policy load does not pay for MVEL's
 * compiler and the engine jar does not bring it; the price is that agreement with MVEL is only as good as the
 * property's expressions and facts, which is why every shape the parser admits appears in them.
 */
package org.resolutionpolicy.engine.internal.mvel;
