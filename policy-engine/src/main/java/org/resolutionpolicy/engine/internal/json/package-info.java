/** A minimal JSON writer shared by the decision log and the CLI: {@link org.resolutionpolicy.engine.internal.json.Json}. Internal. */
package org.resolutionpolicy.engine.internal.json;
