package org.psi.transfer.saga;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The saga does not run by itself: no poll loop, no kicks. The test drives it step by step, which lets
 * it stop a worker at any point (between claim and call, between call and record) as a crash would.
 */
public class ManualSaga implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("psi.saga.enabled", "false");
    }
}
