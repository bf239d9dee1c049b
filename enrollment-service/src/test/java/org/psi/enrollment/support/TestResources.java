package org.psi.enrollment.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.psi.common.test.OidcServerResource;
import org.psi.common.test.PostgresResource;

/** The real PostgreSQL and OIDC test server that every test of this module runs against. */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcServerResource.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {

    private TestResources() {
    }
}
