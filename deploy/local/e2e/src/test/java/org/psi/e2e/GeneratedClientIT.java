package org.psi.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.psi.client.contribution.api.ContributionFeedsApi;
import org.psi.client.contribution.api.SelfPaymentsApi;
import org.psi.client.contribution.api.StatementsApi;
import org.psi.client.contribution.model.BatchReport;
import org.psi.client.contribution.model.Feed;
import org.psi.client.contribution.model.FeedLine;
import org.psi.client.contribution.model.SelfPaymentRequest;
import org.psi.client.contribution.model.Statement;
import org.psi.client.contribution.model.StatementMonth;
import org.psi.client.contribution.model.StatementPayer;
import org.psi.client.enrollment.api.ConsentsApi;
import org.psi.client.enrollment.api.EnrollmentsApi;
import org.psi.client.enrollment.api.WorkersApi;
import org.psi.client.enrollment.model.Enrollment;
import org.psi.client.enrollment.model.EnrollmentRequest;
import org.psi.client.enrollment.model.PlatformLink;
import org.psi.client.enrollment.model.PlatformLinkRequest;
import org.psi.client.enrollment.model.WorkerProfile;
import org.psi.client.enrollment.model.WorkerRegistration;
import org.psi.client.transfer.api.PensionEstimateApi;
import org.psi.client.transfer.api.TransfersApi;
import org.psi.client.transfer.model.PensionEstimate;
import org.psi.client.transfer.model.PensionEstimateWithMove;
import org.psi.client.transfer.model.Transfer;
import org.psi.client.transfer.model.TransferPreview;
import org.psi.client.transfer.model.TransferReceipt;
import org.psi.client.transfer.model.TransferRequest;

/**
 * One story per service told only through the Java clients that the build generates from the
 * services' own OpenAPI documents (openapi-generator, deploy/local/e2e/pom.xml), as an app maker or a
 * platform would integrate: a worker registers, enrols and lets FastMeal contribute; FastMeal feeds
 * her month and she pays the rest and reads one statement; she asks what her pension would be if she
 * stayed or moved to Shanghai, previews the move, requests it and withdraws it. The clients' JSON
 * readers refuse fields the documents do not describe, so an answer with more than its document
 * says fails here too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedClientIT {

    private static final ZoneId PSI_TIME = ZoneId.of("Asia/Shanghai");
    private static final String MONTH = YearMonth.now(PSI_TIME).toString();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String USERNAME = "client-" + RUN;
    private static final String FROM = "440000";
    private static final String TO = "310000";
    private static final long FASTMEAL_FEN = 30_000;

    private static String nationalId;
    private static UUID workerId;

    @BeforeAll
    static void world() {
        Stack.assumeRuns("enrollment-service");
        Demo.platforms();
        nationalId = TestData.nationalId("440104", LocalDate.of(1990, 6, 15), false);
        Keycloak.newWorker(USERNAME, "Client", USERNAME, nationalId);
    }

    /** The Authorization header of every request of a client. */
    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> request.header("Authorization", "Bearer " + token);
    }

    private static org.psi.client.enrollment.ApiClient enrollment(String token) {
        var mapper = org.psi.client.enrollment.ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        return new org.psi.client.enrollment.ApiClient(HttpClient.newBuilder(), mapper, Stack.ENROLLMENT)
                .setRequestInterceptor(bearer(token));
    }

    private static org.psi.client.contribution.ApiClient contribution(String token) {
        var mapper = org.psi.client.contribution.ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        return new org.psi.client.contribution.ApiClient(HttpClient.newBuilder(), mapper, Stack.CONTRIBUTION)
                .setRequestInterceptor(bearer(token));
    }

    private static org.psi.client.transfer.ApiClient transfer(String token) {
        var mapper = org.psi.client.transfer.ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        return new org.psi.client.transfer.ApiClient(HttpClient.newBuilder(), mapper, Stack.TRANSFER)
                .setRequestInterceptor(bearer(token));
    }

    @Test
    @Order(1)
    void aWorkerRegistersEnrolsAndLetsAPlatformContribute() throws Exception {
        var workers = new WorkersApi(enrollment(Tokens.worker(USERNAME)));
        var unknown = assertThrows(org.psi.client.enrollment.ApiException.class, workers::me);
        assertEquals(404, unknown.getCode());

        WorkerProfile registered = new WorkersApi(enrollment(Tokens.registration(USERNAME))).register(new WorkerRegistration()
                .nationalId(nationalId).name("Client " + RUN).phone("13700137003").residenceRegion("440104"));
        workerId = registered.getWorkerId();
        WorkerProfile me = workers.me();
        assertEquals(workerId, me.getWorkerId());
        assertNull(me.getNationalId(), "the profile shows the citizen ID masked only");
        assertFalse(me.getNationalIdMasked().contains(nationalId.substring(6, 14)), "no birth date in the masked ID");

        var enrollments = new EnrollmentsApi(enrollment(Tokens.worker(USERNAME)));
        Enrollment pension = enrollments.enrol(new EnrollmentRequest().scheme(EnrollmentRequest.SchemeEnum.PENSION)
                .region(FROM).baseGrade(100));
        assertEquals(FROM, pension.getRegion());
        assertEquals(MONTH, pension.getStartMonth());
        assertEquals(List.of(pension.getId()), enrollments.listMyEnrollments().stream().map(Enrollment::getId).toList());

        var consents = new ConsentsApi(enrollment(Tokens.worker(USERNAME)));
        PlatformLink link = consents.grant(new PlatformLinkRequest().platformCode(Demo.FASTMEAL));
        assertTrue(link.getActive());
        assertEquals(List.of(Demo.FASTMEAL), consents.listMyConsents().stream().filter(PlatformLink::getActive)
                .map(PlatformLink::getPlatformCode).toList());
    }

    @Test
    @Order(2)
    void aPlatformFeedsHerMonthShePaysTheRestAndReadsOneStatement() throws Exception {
        Stack.assumeRuns("contribution-service");
        var feeds = new ContributionFeedsApi(contribution(Tokens.platform("platform-fastmeal")));
        Feed feed = new Feed().lines(List.of(new FeedLine().ref("GC-" + RUN).nationalId(nationalId)
                .scheme(FeedLine.SchemeEnum.PENSION).period(MONTH).amountFen(FASTMEAL_FEN)));
        BatchReport report = feeds.submit("client-" + RUN, feed, "en");
        assertEquals(1, report.getAccepted());
        assertEquals(0, report.getRejected());
        // the same key and body again, the report asked in Chinese: the same batch, nothing posted twice
        BatchReport replay = feeds.submit("client-" + RUN, feed, "zh-CN");
        assertEquals(report.getBatchId(), replay.getBatchId());
        assertEquals(report.getBatchId(), feeds.getBatch(report.getBatchId(), null).getBatchId());

        var statements = new StatementsApi(contribution(Tokens.worker(USERNAME)));
        StatementMonth month = month(statements.statement("PENSION", null, null));
        long due = month.getDueFen();
        assertTrue(due > FASTMEAL_FEN, "FastMeal paid part of the month: " + month);
        assertEquals(FASTMEAL_FEN, month.getPaidFen());

        new SelfPaymentsApi(contribution(Tokens.worker(USERNAME))).pay("client-pay-" + RUN, new SelfPaymentRequest()
                .scheme(SelfPaymentRequest.SchemeEnum.PENSION).month(MONTH).amountFen(due - FASTMEAL_FEN).paymentRef("PAY-GC-" + RUN));
        Statement statement = statements.statement("PENSION", null, null);
        month = month(statement);
        assertEquals(StatementMonth.StatusEnum.PAID, month.getStatus());
        // every fen of the month is someone's: FastMeal's and hers, nothing more than the due
        assertEquals(due, month.getPaidFen());
        assertEquals(due, month.getPayers().stream().mapToLong(StatementPayer::getAmountFen).sum());
        assertEquals(2, month.getPayers().size());
        assertEquals(1, statement.getTotals().getCountedMonths());
        assertTrue(statement.getTotals().getIndividualAccountFen() > 0);
    }

    private static StatementMonth month(Statement statement) {
        return statement.getMonths().stream().filter(m -> m.getMonth().equals(MONTH)).findFirst().orElseThrow();
    }

    @Test
    @Order(3)
    void sheComparesStayingWithMovingPreviewsTheMoveRequestsItAndWithdrawsIt() throws Exception {
        Stack.assumeRuns("transfer-service");
        Stack.assumeRuns("contribution-service");
        var estimates = new PensionEstimateApi(transfer(Tokens.worker(USERNAME)));
        PensionEstimate stay = assertInstanceOf(PensionEstimate.class, estimates.pensionEstimate(null, null, null, null).getActualInstance());
        // this month, paid, and every month to come until she retires
        assertEquals(monthsToRetirement(stay), stay.getProjectedMonths());
        var compared = assertInstanceOf(PensionEstimateWithMove.class,
                estimates.pensionEstimate(null, null, TO, null).getActualInstance());
        assertEquals(stay.getRetirementMonth(), compared.getMove().getRetirementMonth());
        assertEquals(TO, compared.getMove().getMoveTo());

        var transfers = new TransfersApi(transfer(Tokens.worker(USERNAME)));
        TransferPreview preview = transfers.preview("PENSION", TO);
        assertEquals(FROM, preview.getFromRegion());
        assertEquals(TO, preview.getToRegion());
        assertEquals(1, preview.getMonths());
        long individual = new StatementsApi(contribution(Tokens.worker(USERNAME))).statement("PENSION", null, null)
                .getTotals().getIndividualAccountFen();
        assertEquals(individual, preview.getIndividualAccountFen(), "the preview moves what the statement holds");

        TransferReceipt receipt = transfers.submit(new TransferRequest().scheme("PENSION").toRegion(TO), "client-move-" + RUN);
        Transfer submitted = transfers.get(receipt.getId());
        assertEquals(receipt.getId(), submitted.getId());
        assertTrue(transfers.mine(null, null).getItems().stream().anyMatch(t -> t.getId().equals(receipt.getId())));
        Transfer cancelled = transfers.cancel(receipt.getId());
        assertEquals("CANCELLED", cancelled.getStatus().getValue());
    }

    /** The months from this one to the month before retirement. */
    private static int monthsToRetirement(PensionEstimate estimate) {
        return (int) java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.now(PSI_TIME), YearMonth.parse(estimate.getRetirementMonth()));
    }
}
