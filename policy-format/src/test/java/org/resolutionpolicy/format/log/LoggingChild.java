package org.resolutionpolicy.format.log;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.DecisionLog;

/**
 * A process that logs decisions and then waits to be killed: {@code LoggingChild FILE COUNT FLUSH-MILLIS}. It says
 * {@code logged COUNT} on its standard output once the calls returned, and never closes the log.
 */
public final class LoggingChild {

    private LoggingChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        DecisionLog.Options options = DecisionLog.Options.DEFAULTS
                .withFlushInterval(Duration.ofMillis(Long.parseLong(args[2])));
        DecisionLog log = DecisionLog.jsonLines(file, options);
        for (int i = 0; i < count; i++) {
            CustomerCase c = CustomerCase.builder().id("C-" + i).severity("LOW").employee("agent").build();
            log.onDecision(c, new Decision("shop", "1", c.id(), "agent", false, List.of(), List.of(), List.of()));
        }
        System.out.println("logged " + count);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
