package org.psi.transfer.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.transfer.support.ContributionStandIn;
import org.psi.transfer.support.EnrollmentStandIn;
import org.psi.transfer.support.Fixtures;
import org.psi.transfer.support.StandIns;

/** The routes of a case through the API, with the saga running against the stand-ins. */
@QuarkusTest
class TransferResourceTest {

    @Test
    void theStandInsAreTheServicesThisApplicationCalls() {
        assertEquals(StandIns.contribution().url(),
                ConfigProvider.getConfig().getValue("quarkus.rest-client.contribution.url", String.class));
        assertEquals(StandIns.enrollment().url(),
                ConfigProvider.getConfig().getValue("quarkus.rest-client.enrollment.url", String.class));
    }

    @Test
    void aPensionMovesFromGuangdongToShanghaiAndCompletes() {
        Fixtures.Worker w = Fixtures.pension("440000", 1_234_567, 2_592_000);
        ContributionStandIn money = StandIns.contribution();
        long before = money.total("PENSION", "440000", "310000");

        String id = Fixtures.submit(w.token(), "PENSION", "310000", "key-1").statusCode(201)
                .header("Location", containsString("/api/transfers/"))
                .body("status", equalTo("SUBMITTED"))
                .body("route", equalTo("MOVE"))
                .body("fromRegion", equalTo("440000"))
                .body("toRegion", equalTo("310000"))
                .body("temporaryAccount.applies", equalTo(false))
                .body("deadlines.step", equalTo(List.of("REVIEW", "TRANSFER_OUT", "TRANSFER_IN")))
                .body("deadlines[0].workingDays", equalTo(15))
                .body("deadlines[0].dueOn", notNullValue())
                .body("deadlines[1].workingDays", equalTo(15))
                .body("deadlines[1].dueOn", nullValue())
                .extract().path("id");

        Fixtures.awaitHeld(id);
        Fixtures.view(id).body("funds.individualAccountFen", equalTo(1_234_567)).body("funds.pooledFundFen", equalTo(2_592_000));

        Fixtures.accept(id, "310000").statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("currentStep", equalTo("TRANSFER_OUT"))
                .body("deadlines[0].completedOn", notNullValue())
                .body("deadlines[0].withinDeadline", equalTo(true))
                .body("deadlines[1].dueOn", notNullValue());
        Fixtures.transferOut(id, "440000").statusCode(200).body("status", equalTo("TRANSFERRED_OUT"))
                .body("currentStep", equalTo("TRANSFER_IN"));
        Fixtures.awaitSettled(id, "COMPLETED");

        given().auth().oauth2(w.token()).get("/api/transfers/" + id).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("currentStep", nullValue())
                .body("funds.state", equalTo("COMMITTED"))
                .body("openedEnrollmentId", notNullValue())
                .body("deadlines.completedOn", hasSize(3));
        // the money moved once, to the fen, and the total of both regions is unchanged
        assertEquals(0, money.balance(ContributionStandIn.individual("PENSION", w.workerId(), "440000")));
        assertEquals(1_234_567, money.balance(ContributionStandIn.individual("PENSION", w.workerId(), "310000")));
        assertEquals(1, money.effects(id));
        assertEquals(before, money.total("PENSION", "440000", "310000"));
        // the relationship moved: closed in Guangdong, active in Shanghai
        EnrollmentStandIn.Enrollment now = StandIns.enrollment().current(w.workerId(), "PENSION");
        assertEquals("310000", now.region);
        assertEquals("ACTIVE", now.status);
        assertEquals(1, StandIns.enrollment().effects(id));

        given().auth().oauth2(w.token()).get("/api/transfers/" + id + "/events").then().statusCode(200)
                .body("items.type", equalTo(List.of("SUBMITTED", "FUNDS_HELD", "ACCEPTED", "TRANSFERRED_OUT",
                        "ENROLLMENT_MOVED", "FUNDS_COMMITTED", "COMPLETED")))
                .body("items[0].previousHash", equalTo("0".repeat(64)))
                .body("integrity.valid", equalTo(true));
    }

    @Test
    void medicalMovesBetweenTwoCitiesWithAProvinceOfficerActingForEach() {
        Fixtures.Worker w = Fixtures.medical("440300", 88_800);
        String id = Fixtures.submit(w.token(), "MEDICAL", "440100", null).statusCode(201)
                .body("deadlines.step", equalTo(List.of("REVIEW", "TRANSFER_OUT", "TRANSFER_IN")))
                .body("deadlines[0].workingDays", nullValue())
                .body("deadlines[1].workingDays", equalTo(10))
                .body("deadlines[2].workingDays", equalTo(5))
                .extract().path("id");
        // the Guangdong province officer covers both Shenzhen and Guangzhou
        Fixtures.accept(id, "440000").statusCode(200);
        Fixtures.transferOut(id, "440000").statusCode(200);
        Fixtures.awaitSettled(id, "COMPLETED");
        assertEquals(88_800, StandIns.contribution().balance(ContributionStandIn.individual("MEDICAL", w.workerId(), "440100")));
        assertEquals("440100", StandIns.enrollment().current(w.workerId(), "MEDICAL").region);
    }

    @Test
    void aWomanOf45MovingAwayFromHerHukouProvinceGetsATemporaryAccountAndNothingMoves() {
        Fixtures.Worker w = Fixtures.insured("PENSION", "440000", LocalDate.now().minusYears(45), "FEMALE", "440305",
                700_000, 900_000, 120);
        long before = StandIns.contribution().total("PENSION", "440000", "330000");
        given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").queryParam("toRegion", "330000")
                .get("/api/transfers/preview").then().statusCode(200)
                .body("route", equalTo("TEMPORARY"))
                .body("temporaryAccount.applies", equalTo(true))
                .body("individualAccountFen", equalTo(0))
                .body("atSource.individualAccountFen", equalTo(700_000))
                .body("pensionClaim.region", equalTo("440000"))
                .body("pensionClaim.basis", equalTo("HUKOU_PROVINCE"));

        String id = Fixtures.submit(w.token(), "PENSION", "330000", null).statusCode(201)
                .body("route", equalTo("TEMPORARY"))
                .body("deadlines.step", equalTo(List.of("REVIEW", "TRANSFER_IN")))
                .extract().path("id");
        Fixtures.transferOut(id, "440000").statusCode(409).contentType("application/problem+json");
        Fixtures.accept(id, "330000").statusCode(200);
        Fixtures.awaitSettled(id, "COMPLETED");

        EnrollmentStandIn.Enrollment now = StandIns.enrollment().current(w.workerId(), "PENSION");
        assertEquals("330000", now.region);
        assertEquals("TEMPORARY", now.status);
        assertEquals(0, StandIns.contribution().calls("hold", id));
        assertNull(StandIns.contribution().hold(id));
        assertEquals(before, StandIns.contribution().total("PENSION", "440000", "330000"));
        assertEquals(700_000, StandIns.contribution().balance(ContributionStandIn.individual("PENSION", w.workerId(), "440000")));
        given().auth().oauth2(w.token()).get("/api/transfers/" + id + "/events").then()
                .body("items.type", equalTo(List.of("SUBMITTED", "ACCEPTED", "TEMPORARY_ACCOUNT_OPENED", "COMPLETED")));
    }

    @Test
    void thePreviewShowsWhatMovesAndWhereThePensionWouldBeClaimed() {
        // 52-year-old man, hukou in Guangdong, insured 11 years in Hunan then 3 in Guangdong: moving back home
        Fixtures.Worker w = Fixtures.registered(LocalDate.now().minusYears(52), "MALE", "440305");
        StandIns.enrollment().enrol(w.workerId(), "PENSION", "430000", "CLOSED",
                java.time.YearMonth.now().minusMonths(170), java.time.YearMonth.now().minusMonths(37));
        StandIns.enrollment().enrol(w.workerId(), "PENSION", "320000", "ACTIVE", java.time.YearMonth.now().minusMonths(36), null);
        StandIns.contribution().seed(w.workerId(), "PENSION", "320000", 456_789, 1_296_000, 36, Fixtures.OTHER_POOLED_FEN,
                Map.of("430000", 132, "320000", 36));

        given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").queryParam("toRegion", "440000")
                .get("/api/transfers/preview").then().statusCode(200)
                .body("fromRegion", equalTo("320000"))
                .body("route", equalTo("MOVE"))
                .body("temporaryAccount.applies", equalTo(false))
                .body("individualAccountFen", equalTo(456_789))
                .body("pooledFundFen", equalTo(1_296_000))
                .body("months", equalTo(36))
                .body("totalCountedMonths", equalTo(168))
                .body("pensionClaim.region", equalTo("440000"))
                .body("pensionClaim.basis", equalTo("HUKOU_PROVINCE"))
                .body("pensionClaimWithoutTransfer.region", equalTo("430000"))
                .body("pensionClaimWithoutTransfer.basis", equalTo("LAST_TEN_YEARS"))
                .body("steps.workingDays", equalTo(List.of(15, 15, 15)));
        // and if he moved to Zhejiang instead: temporary account, relationship stays in Jiangsu
        given().auth().oauth2(w.token()).queryParam("scheme", "PENSION").queryParam("toRegion", "330000")
                .get("/api/transfers/preview").then().statusCode(200)
                .body("route", equalTo("TEMPORARY"))
                .body("months", equalTo(0))
                .body("pensionClaim.region", equalTo("430000"));
        // a preview changes nothing
        given().auth().oauth2(w.token()).get("/api/transfers/me").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void theDestinationRejectsWithAReasonAndTheHoldIsReleased() {
        Fixtures.Worker w = Fixtures.pension("440000", 50_000, 60_000);
        String id = Fixtures.submitted(w, "PENSION", "310000");
        Fixtures.awaitHeld(id);
        Fixtures.reject(id, "310000", "Household registration could not be confirmed").statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("Household registration could not be confirmed"));
        Fixtures.awaitSettled(id, "REJECTED");
        assertEquals("RELEASED", StandIns.contribution().hold(id).status);
        assertEquals(0, StandIns.contribution().effects(id));
        assertEquals(50_000, StandIns.contribution().balance(ContributionStandIn.individual("PENSION", w.workerId(), "440000")));
        assertEquals("440000", StandIns.enrollment().current(w.workerId(), "PENSION").region);
        Fixtures.view(id).body("funds.state", equalTo("RELEASED"));
    }

    @Test
    void theWorkerCancelsBeforeAcceptanceAndTheHoldIsReleased() {
        Fixtures.Worker w = Fixtures.pension("440000", 50_000, 60_000);
        String id = Fixtures.submitted(w, "PENSION", "310000");
        Fixtures.awaitHeld(id);
        Fixtures.act(w.token(), id, "cancel").statusCode(200).body("status", equalTo("CANCELLED"));
        Fixtures.awaitSettled(id, "CANCELLED");
        assertEquals("RELEASED", StandIns.contribution().hold(id).status);
        // the worker may apply again once the case has ended
        String again = Fixtures.submitted(w, "PENSION", "310000");
        assertTrue(!again.equals(id));
    }

    @Test
    void aWorkerListsOwnTransfersNewestFirstWithPaging() {
        Fixtures.Worker w = Fixtures.pension("440000", 1, 1);
        String first = Fixtures.submitted(w, "PENSION", "310000");
        Fixtures.act(w.token(), first, "cancel").statusCode(200);
        String second = Fixtures.submitted(w, "PENSION", "320000");
        String cursor = given().auth().oauth2(w.token()).queryParam("limit", 1).get("/api/transfers/me").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(second)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(w.token()).queryParam("limit", 1).queryParam("cursor", cursor).get("/api/transfers/me").then()
                .statusCode(200).body("items[0].id", equalTo(first)).body("nextCursor", nullValue());
        given().auth().oauth2(Tokens.newWorker()).get("/api/transfers/me").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(first)));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/transfers/preview'.get.responses.'400'", notNullValue())
                .body("paths.'/api/transfers'.post.responses.'422'", notNullValue())
                .body("paths.'/api/transfers/{id}/events'.get", notNullValue())
                .body("paths.'/api/transfers/{id}/transfer-out'.post.responses.'409'", notNullValue())
                .body("paths.'/api/regions/{code}/transfers'.get", notNullValue())
                // FAILED, PSI's addition to the statuses of the contract, is explained where clients read the status
                .body("components.schemas.Transfer.properties.status.description", org.hamcrest.Matchers.containsString("FAILED"))
                .body("components.schemas.TransferStatus.enum", hasItem("FAILED"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
