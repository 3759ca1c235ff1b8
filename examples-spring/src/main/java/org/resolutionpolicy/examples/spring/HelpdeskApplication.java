package org.resolutionpolicy.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs a small helpdesk service: {@code POST /decisions} with a case as JSON answers with the decision as JSON. The
 * policy comes from {@code resolution.policy.locations} in {@code application.properties}; the starter does the rest.
 */
@SpringBootApplication
public class HelpdeskApplication {

    /**
     * Starts the service.
     *
     * @param args Spring Boot's command-line arguments, such as {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication.run(HelpdeskApplication.class, args);
    }
}
