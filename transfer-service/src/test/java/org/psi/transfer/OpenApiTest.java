package org.psi.transfer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.psi.common.test.OpenApiChecks;

/** The OpenAPI document: what a client generator needs of every operation. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationHasAUniqueOperationId() {
        OpenApiChecks.everyOperationHasAUniqueOperationId(io.restassured.RestAssured.given().accept("application/json")
                .get("/q/openapi").then().statusCode(200).extract().path("paths"));
    }
}
