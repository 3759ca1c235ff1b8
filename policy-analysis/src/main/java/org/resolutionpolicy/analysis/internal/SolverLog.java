package org.resolutionpolicy.analysis.internal;

import de.uni_freiburg.informatik.ultimate.smtinterpol.LogProxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends SMTInterpol's log to SLF4J at debug and trace level, so the solver never writes to the console itself. */
final class SolverLog implements LogProxy {

    private static final Logger LOG = LoggerFactory.getLogger("org.resolutionpolicy.analysis.solver");
    private int level = LOGLEVEL_WARN;

    @Override
    public void setLoglevel(int level) {
        this.level = level;
    }

    @Override
    public int getLoglevel() {
        return level;
    }

    private static String format(String message, Object... params) {
        try {
            return params.length == 0 ? message : String.format(message, params);
        } catch (java.util.IllegalFormatException e) {
            return message;
        }
    }

    @Override
    public boolean isFatalEnabled() {
        return LOG.isWarnEnabled();
    }

    @Override
    public void fatal(String message, Object... params) {
        LOG.warn("solver: {}", format(message, params));
    }

    @Override
    public void fatal(Object message) {
        LOG.warn("solver: {}", message);
    }

    @Override
    public void outOfMemory(String message) {
        LOG.warn("solver out of memory: {}", message);
    }

    @Override
    public boolean isErrorEnabled() {
        return LOG.isDebugEnabled();
    }

    @Override
    public void error(String message, Object... params) {
        LOG.debug("solver: {}", format(message, params));
    }

    @Override
    public void error(Object message) {
        LOG.debug("solver: {}", message);
    }

    @Override
    public boolean isWarnEnabled() {
        return LOG.isDebugEnabled();
    }

    @Override
    public void warn(String message, Object... params) {
        LOG.debug("solver: {}", format(message, params));
    }

    @Override
    public void warn(Object message) {
        LOG.debug("solver: {}", message);
    }

    @Override
    public boolean isInfoEnabled() {
        return false;
    }

    @Override
    public void info(String message, Object... params) {
        // the solver's statistics are noise at any level an application runs at
    }

    @Override
    public void info(Object message) {
        // as above
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public void debug(String message, Object... params) {
        // as above
    }

    @Override
    public void debug(Object message) {
        // as above
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public void trace(String message, Object... params) {
        // as above
    }

    @Override
    public void trace(Object message) {
        // as above
    }

    @Override
    public boolean canChangeDestination() {
        return false;
    }

    @Override
    public void changeDestination(String destination) {
        throw new UnsupportedOperationException("the solver logs through SLF4J");
    }

    @Override
    public String getDestination() {
        return "slf4j";
    }
}
