package org.psi.contribution;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.psi.common.test.ServiceProcess;

/**
 * Every test of this module runs against a real PostgreSQL, the OIDC test server, and the real
 * enrollment-service (its packaged application, as a child process on the same PostgreSQL and OIDC
 * server): one combined resource, so they start in that order.
 */
@WithTestResource(value = ServiceProcess.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "service", value = "enrollment-service"),
        @ResourceArg(name = "url-property", value = "quarkus.rest-client.enrollment.url")})
public final class TestResources {

    private TestResources() {
    }
}
