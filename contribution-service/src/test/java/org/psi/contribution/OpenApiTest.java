package org.psi.contribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every endpoint of the contract, with its statuses. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationSharesItsAuthAndLimitResponsesAndTheSchemeIsOpenIdConnect() {
        org.psi.common.test.OpenApiChecks.servedDocumentSharesItsResponsesAndNamesItsRealm();
    }

    /**
     * The document passes redocly's recommended rules with 0 errors and 0 warnings, and spectral's OWASP
     * ruleset (lint/.spectral.yaml) with 0 errors (written to target/openapi/contribution-service.json).
     */
    @Test
    void theDocumentLintsClean() {
        org.psi.common.test.OpenApiChecks.servedDocumentLintsClean("contribution-service");
    }

    @Test
    void everyEndpointIsDocumented() {
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/contribution-batches"))
                .body("paths", hasKey("/api/contribution-batches/{batchId}"))
                .body("paths", hasKey("/api/workers/me/payments"))
                .body("paths", hasKey("/api/workers/me/statement"))
                .body("paths", hasKey("/api/workers/me/certificate"))
                .body("paths", hasKey("/.well-known/jwks.json"))
                .body("paths", hasKey("/api/certificates/verify"))
                .body("paths", hasKey("/api/regions/{code}/policies/{year}"))
                .body("paths", hasKey("/internal/workers/{workerId}/transfer-quote"))
                .body("paths", hasKey("/internal/transfers/{transferId}/hold"))
                .body("paths", hasKey("/internal/transfers/{transferId}/commit"))
                .body("paths", hasKey("/internal/transfers/{transferId}/release"))
                .body("paths.'/api/contribution-batches'.post.responses", hasKey("413"))
                .body("paths.'/api/contribution-batches'.post.responses", hasKey("422"))
                .body("paths.'/api/contribution-batches'.post.description", containsString("REF_CONFLICT"));
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        org.psi.common.test.OpenApiChecks.everyOperationHasAUniqueOperationId(io.restassured.RestAssured.given().accept("application/json")
                .get("/q/openapi").then().statusCode(200).extract().path("paths"));
    }
}
