/**
 * Holds {@code policy.schema.json}, the JSON Schema of policy files, as a resource for editors and tools; no code.
 * The module opens this package so that tools on the module path can read the resource.
 */
package org.resolutionpolicy.schema;
