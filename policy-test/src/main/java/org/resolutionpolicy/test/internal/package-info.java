/** Reading scenario files. Internal: not for use, may change in any release. */
package org.resolutionpolicy.test.internal;
