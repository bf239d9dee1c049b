package org.psi.transfer.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the enrollment-service and contribution-service stand-ins once per test JVM and points the
 * REST clients at them.
 */
public class StandIns implements QuarkusTestResourceLifecycleManager {

    private static EnrollmentStandIn enrollment;
    private static ContributionStandIn contribution;

    public static synchronized EnrollmentStandIn enrollment() {
        ensureStarted();
        return enrollment;
    }

    public static synchronized ContributionStandIn contribution() {
        ensureStarted();
        return contribution;
    }

    private static synchronized void ensureStarted() {
        if (enrollment == null) {
            enrollment = new EnrollmentStandIn();
            contribution = new ContributionStandIn();
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.enrollment.url", enrollment().url(),
                "quarkus.rest-client.contribution.url", contribution().url());
    }

    @Override
    public void stop() {
        // kept for the next test class of this JVM
    }
}
