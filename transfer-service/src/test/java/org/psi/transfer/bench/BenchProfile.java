package org.psi.transfer.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Production-like timeouts and lease for the benchmark (the test profile's are short, for fault injection). */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.rest-client.enrollment.read-timeout", "10000",
                "quarkus.rest-client.contribution.read-timeout", "10000",
                "quarkus.rest-client.enrollment.connect-timeout", "2000",
                "quarkus.rest-client.contribution.connect-timeout", "2000",
                "psi.saga.lease", "PT60S",
                "psi.saga.concurrency", System.getProperty("psi.bench.saga-concurrency", "8"),
                "quarkus.log.category.\"org.psi\".level", "WARN");
    }
}
