package org.psi.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationSharesItsAuthAndLimitResponsesAndTheSchemeIsOpenIdConnect() {
        org.psi.common.test.OpenApiChecks.servedDocumentSharesItsResponsesAndNamesItsRealm();
    }

    /**
     * The document passes redocly's recommended rules with 0 errors and 0 warnings, and spectral's OWASP
     * ruleset (lint/.spectral.yaml) with 0 errors (written to target/openapi/enrollment-service.json).
     */
    @Test
    void theDocumentLintsClean() {
        org.psi.common.test.OpenApiChecks.servedDocumentLintsClean("enrollment-service");
    }

    @Test
    void describesEveryEndpointWithItsStatuses() {
        var doc = given().accept("application/json").get("/q/openapi").then().statusCode(200);
        doc.body("paths", hasKey("/api/workers"))
                .body("paths", hasKey("/api/workers/me"))
                .body("paths", hasKey("/api/workers/{workerId}"))
                .body("paths", hasKey("/api/workers/me/enrollments"))
                .body("paths", hasKey("/api/workers/me/enrollments/{id}"))
                .body("paths", hasKey("/api/workers/me/platform-links"))
                .body("paths", hasKey("/api/workers/me/platform-links/{platformCode}"))
                .body("paths", hasKey("/api/platforms"))
                .body("paths", hasKey("/api/platforms/me"))
                .body("paths", hasKey("/api/regions"))
                .body("paths", hasKey("/api/regions/{code}/enrollments"))
                .body("paths", hasKey("/internal/eligibility"))
                .body("paths", hasKey("/internal/transfers/{transferId}/enrollment-move"))
                .body("paths.'/api/workers'.post.responses", hasKey("409"))
                .body("paths.'/api/workers/me/enrollments'.post.responses", hasKey("422"))
                .body("paths.'/api/workers'.post.security", notNullValue())
                .body("components.schemas", hasKey("Problem"));
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        org.psi.common.test.OpenApiChecks.everyOperationHasAUniqueOperationId(io.restassured.RestAssured.given().accept("application/json")
                .get("/q/openapi").then().statusCode(200).extract().path("paths"));
    }
}
