package org.resolutionpolicy.examples.spring;

import org.resolutionpolicy.api.CustomerCase;
import org.resolutionpolicy.api.Decision;
import org.resolutionpolicy.api.PolicyRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Decides a case with the policy of its brand, when the service has several ({@code resolution.policy.policies.<id>
 * .locations} or {@code resolution.policy.directory}): {@code POST /brands/coffee-shop/decisions}.
 */
@RestController
public class BrandDecisionController {

    private final ObjectProvider<PolicyRegistry> policies;

    /**
     * Creates the controller with the registry the starter configured, if it configured one.
     *
     * @param policies the registry bean, when several policies are configured
     */
    public BrandDecisionController(ObjectProvider<PolicyRegistry> policies) {
        this.policies = policies;
    }

    /**
     * Decides a case with the policy of a brand.
     *
     * @param brand the policy id
     * @param customerCase the case, posted as JSON
     * @return the decision
     * @throws ResponseStatusException 404 if there is no policy of that id
     */
    @PostMapping("/brands/{brand}/decisions")
    public Decision decide(@PathVariable("brand") String brand, @RequestBody CustomerCase customerCase) {
        PolicyRegistry registry = policies.getIfAvailable();
        if (registry == null || registry.find(brand).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no policy [" + brand + "]; the policies are "
                    + (registry == null ? "[]" : registry.ids()));
        }
        return registry.get(brand).decide(customerCase);
    }
}
