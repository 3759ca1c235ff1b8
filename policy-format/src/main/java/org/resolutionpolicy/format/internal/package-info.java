/**
 * The reading of a case shared by the YAML and JSON front ends: {@link org.resolutionpolicy.format.internal.CaseFields}
 * holds the case format's fields, types, checks and messages and reads them through a
 * {@link org.resolutionpolicy.format.internal.CaseCursor}, which each syntax implements. Internal: the module does not
 * export this package.
 */
package org.resolutionpolicy.format.internal;
