package org.psi.transfer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.psi.common.test.OpenApiChecks;

/** The OpenAPI document: what a client generator needs of every operation. */
@QuarkusTest
class OpenApiTest {

    /** The document passes redocly's recommended rules with 0 errors and 0 warnings (written to target/openapi/transfer-service.json). */
    @Test
    void everyOperationSharesItsAuthAndLimitResponsesAndTheSchemeIsOpenIdConnect() {
        org.psi.common.test.OpenApiChecks.sharedResponsesAndTheOidcScheme(io.restassured.RestAssured.given().accept("application/json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap(""),
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class));
    }

    @Test
    void theDocumentLintsClean() {
        org.psi.common.test.OpenApiChecks.lintsClean(org.psi.common.test.OpenApiChecks.write("transfer-service",
                io.restassured.RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString()));
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        OpenApiChecks.everyOperationHasAUniqueOperationId(io.restassured.RestAssured.given().accept("application/json")
                .get("/q/openapi").then().statusCode(200).extract().path("paths"));
    }
}
