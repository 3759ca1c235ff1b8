package org.resolutionpolicy.format;

import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.PolicySource;
import org.resolutionpolicy.api.spi.Formats;
import org.resolutionpolicy.format.json.DecisionJson;

/** The formats behind the API's conveniences ({@link Formats}), found with {@link java.util.ServiceLoader}. */
public final class ServiceFormats implements Formats {

    /** Creates the service; {@link java.util.ServiceLoader} does. */
    public ServiceFormats() {
        // stateless
    }

    @Override
    public CustomerCase readCase(PolicySource source) {
        return CaseFormat.read(source);
    }

    @Override
    public String json(Object value) {
        if (value instanceof Decision decision) {
            return DecisionJson.write(decision);
        }
        throw new IllegalArgumentException("no JSON form for [" + (value == null ? null : value.getClass().getName())
                + "]");
    }
}
