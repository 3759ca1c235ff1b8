/**
 * Shadow decisions: {@link org.resolutionpolicy.engine.internal.shadow.ShadowRunner} decides each served case again
 * with a candidate on a bounded lock-free ring ({@link org.resolutionpolicy.engine.internal.shadow.ShadowQueue}) and a
 * small pool of its own, and
 * {@link org.resolutionpolicy.engine.internal.shadow.ShadowedPolicy} serves the serving policy's decisions beside it.
 * Internal.
 */
package org.resolutionpolicy.engine.internal.shadow;
