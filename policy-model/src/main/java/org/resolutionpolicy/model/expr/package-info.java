/**
 * The checked syntax tree of an expression ({@link org.resolutionpolicy.model.expr.Expr}) and the helpers it may
 * call ({@link org.resolutionpolicy.model.expr.HelperKind}): the only node kinds the sandboxed language admits, so
 * that an analysis (an SMT encoder) walks the same tree the engine compiled.
 */
package org.resolutionpolicy.model.expr;
