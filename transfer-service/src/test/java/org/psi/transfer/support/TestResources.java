package org.psi.transfer.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.psi.common.test.OidcServerResource;
import org.psi.common.test.PostgresResource;

/**
 * What every test of this module runs against: a real PostgreSQL, the OIDC test server (real signed
 * tokens, and a client-credentials endpoint that hands this service an internal token), and HTTP
 * stand-ins for the enrollment-service and contribution-service.
 */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcServerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {

    private TestResources() {
    }
}
