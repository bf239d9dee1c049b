package org.psi.transfer.saga;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The saga does not run by itself: no poll loop, no kicks. The test drives it step by step, which lets
 * it stop a worker at any point (between claim and call, between call and record) as a crash would.
 * Short client timeouts (a stand-in's injected delay outlasts them) and a short lease (a dead worker's
 * claim lapses quickly; connect + read timeout still under half of it, as the saga requires).
 */
public class ManualSaga implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("psi.saga.enabled", "false",
                "psi.saga.lease", "PT2.5S",
                "quarkus.rest-client.enrollment.connect-timeout", "500",
                "quarkus.rest-client.enrollment.read-timeout", "500",
                "quarkus.rest-client.contribution.connect-timeout", "500",
                "quarkus.rest-client.contribution.read-timeout", "500");
    }
}
