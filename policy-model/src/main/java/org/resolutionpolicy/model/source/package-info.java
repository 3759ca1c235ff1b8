/**
 * Where things are written in a policy's sources and what is wrong there: {@link
 * org.resolutionpolicy.model.source.Place} (file, line, column), {@link org.resolutionpolicy.model.source.Problems}
 * (every problem of a load, then one exception) and {@link org.resolutionpolicy.model.source.Hints} (did you mean).
 */
package org.resolutionpolicy.model.source;
