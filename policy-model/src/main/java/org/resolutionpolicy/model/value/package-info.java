/**
 * How the formats' values are read and compared: amounts, dates and periods ({@link
 * org.resolutionpolicy.model.value.Values}) and the business calendar ({@link
 * org.resolutionpolicy.model.value.WorkCalendar}).
 */
package org.resolutionpolicy.model.value;
