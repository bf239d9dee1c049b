package org.psi.transfer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.psi.common.test.OpenApiChecks;

/** The OpenAPI document: what a client generator needs of every operation. */
@QuarkusTest
class OpenApiTest {

    /**
     * The conformance check every HTTP test runs (org.psi.common.test.Conformance) fails on drift: an
     * answer with a field of the wrong type, or a status the document does not describe.
     */
    @Test
    void theConformanceCheckCatchesAnAnswerTheDocumentDoesNotDescribe() {
        String doc = io.restassured.RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        var validator = com.atlassian.oai.validator.OpenApiInteractionValidator.createForInlineApiSpecification(doc).build();
        var request = com.atlassian.oai.validator.model.SimpleRequest.Builder.get("/api/transfers/" + java.util.UUID.randomUUID())
                .withHeader("Authorization", "Bearer x").build();
        var wrongType = com.atlassian.oai.validator.model.SimpleResponse.Builder.status(200).withContentType("application/json")
                .withBody("{\"id\": 5, \"status\": \"SUBMITTED\"}").build();
        org.junit.jupiter.api.Assertions.assertTrue(validator.validateResponse(request.getPath(), request.getMethod(), wrongType).hasErrors(),
                "an id that is a number is not the document's UUID");
        var unknownStatus = com.atlassian.oai.validator.model.SimpleResponse.Builder.status(418).withContentType("application/problem+json")
                .withBody("{\"status\": 418}").build();
        org.junit.jupiter.api.Assertions.assertTrue(validator.validateResponse(request.getPath(), request.getMethod(), unknownStatus).hasErrors(),
                "418 is not described");
        var described = com.atlassian.oai.validator.model.SimpleResponse.Builder.status(404).withContentType("application/problem+json")
                .withBody("{\"type\": \"https://psi.example/problems/not-found\", \"title\": \"Not found\", \"status\": 404}").build();
        org.junit.jupiter.api.Assertions.assertFalse(validator.validateResponse(request.getPath(), request.getMethod(), described).hasErrors(),
                "a described 404 problem conforms");
    }

    @Test
    void everyOperationSharesItsAuthAndLimitResponsesAndTheSchemeIsOpenIdConnect() {
        org.psi.common.test.OpenApiChecks.servedDocumentSharesItsResponsesAndNamesItsRealm();
    }

    /**
     * The document passes redocly's recommended rules with 0 errors and 0 warnings, and spectral's OWASP
     * ruleset (lint/.spectral.yaml) with 0 errors (written to target/openapi/transfer-service.json).
     */
    @Test
    void theDocumentLintsClean() {
        org.psi.common.test.OpenApiChecks.servedDocumentLintsClean("transfer-service");
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        OpenApiChecks.everyOperationHasAUniqueOperationId(io.restassured.RestAssured.given().accept("application/json")
                .get("/q/openapi").then().statusCode(200).extract().path("paths"));
    }
}
