/** The Drools implementation behind DRL policies. Internal: not for use, may change in any release. */
package org.resolutionpolicy.drools.internal;
