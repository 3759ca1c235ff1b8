/**
 * The YAML/MVEL implementation of the policy engine. Internal: nothing here is public API, and any of it may
 * change in any release; use {@code org.resolutionpolicy.api} instead.
 */
package org.resolutionpolicy.engine.internal;
