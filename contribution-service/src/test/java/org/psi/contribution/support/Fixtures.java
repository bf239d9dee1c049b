package org.psi.contribution.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import org.psi.common.domain.CreditCode;
import org.psi.common.domain.NationalId;
import org.psi.common.test.Tokens;

/**
 * Test data made through the real APIs, fresh for each test: platforms and workers are registered,
 * enrolled and linked in the real enrollment-service; policies are set in this service.
 */
public final class Fixtures {

    /** Months and days belong to the agency's time zone, as in the service. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The test policy of every region the tests use, set for the current year: 10,000 yuan average wage. */
    public static final long WAGE_FEN = 1_000_000;
    public static final long FOOD_FEE_FEN = 7;
    public static final long RIDE_FEE_FEN = 1;

    private Fixtures() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static YearMonth thisMonth() {
        return YearMonth.now(ZONE);
    }

    public static String enrollmentUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.enrollment.url", String.class);
    }

    public static RequestSpecification enrollment(String token) {
        return given().baseUri(enrollmentUrl()).auth().oauth2(token);
    }

    /** A valid citizen ID of someone born on {@code birth}, registered in {@code region}. */
    public static String nationalId(String region, LocalDate birth, boolean male) {
        int seq = ThreadLocalRandom.current().nextInt(0, 499) * 2 + (male ? 1 : 0);
        String first17 = region + birth.toString().replace("-", "") + String.format("%03d", seq);
        return first17 + NationalId.checkCharacter(first17);
    }

    /** Citizen IDs handed out in this JVM: each test worker gets one no other has (random ones would collide). */
    private static final java.util.concurrent.atomic.AtomicLong NEXT_ID =
            new java.util.concurrent.atomic.AtomicLong(ThreadLocalRandom.current().nextLong(0, 1_000_000));

    /** A fresh valid citizen ID: born 1975 to 1999 (of working age), a distinct date and sequence each time. */
    public static String nationalId() {
        long n = NEXT_ID.getAndIncrement();
        LocalDate birth = LocalDate.of(1975, 1, 1).plusDays((n / 1000) % 9000);
        String first17 = "440305" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return first17 + NationalId.checkCharacter(first17);
    }

    /** A platform registered by an admin: its code; its OIDC client id is {@code client-<code>}. */
    public record Platform(String code, String clientId) {
        public String token() {
            return Tokens.platform(clientId);
        }
    }

    public static Platform platform(String... sectors) {
        String code = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        String clientId = "client-" + code;
        enrollment(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Platform " + code, "creditCode", creditCode(), "clientId", clientId,
                        "sectors", sectors.length == 0 ? List.of("FOOD_DELIVERY") : List.of(sectors)))
                .post("/api/platforms").then().statusCode(201);
        return new Platform(code, clientId);
    }

    public record Worker(String token, String workerId, String nationalId, String subject) {
    }

    public static Worker worker() {
        return worker(nationalId());
    }

    /** A registered worker with this citizen ID (its birth date and sex decide the retirement age). */
    public static Worker worker(String id) {
        String subject = UUID.randomUUID().toString();
        String token = Tokens.worker(subject);
        String workerId = enrollment(token).contentType(ContentType.JSON)
                .body(Map.of("nationalId", id, "name", "Test Worker", "phone", "13800138000", "residenceRegion", "440305"))
                .post("/api/workers").then().statusCode(201).extract().path("workerId");
        return new Worker(token, workerId, id, subject);
    }

    /** Enrols the worker; PENSION and MEDICAL at grade 100 (base = the average wage). */
    public static String enrol(Worker w, String scheme, String region, YearMonth start) {
        Map<String, Object> body = new HashMap<>();
        body.put("scheme", scheme);
        body.put("region", region);
        if (!"OCCUPATIONAL_INJURY".equals(scheme)) {
            body.put("baseGrade", 100);
        }
        body.put("startMonth", (start == null ? thisMonth() : start).toString());
        return enrollment(w.token()).contentType(ContentType.JSON).body(body)
                .post("/api/workers/me/enrollments").then().statusCode(201).extract().path("id");
    }

    public static void link(Worker w, Platform p) {
        enrollment(w.token()).contentType(ContentType.JSON).body(Map.of("platformCode", p.code()))
                .post("/api/workers/me/platform-links").then().statusCode(201);
    }

    public static void revoke(Worker w, Platform p) {
        enrollment(w.token()).delete("/api/workers/me/platform-links/" + p.code()).then().statusCode(200);
    }

    /** Sets the test policy of {@code region} for the current year (the same values every time). */
    public static void testPolicy(String region) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("averageMonthlyWageFen", WAGE_FEN, "baseFloorPercent", 60, "baseCeilingPercent", 300,
                        "pensionRatePercent", 20, "pensionIndividualPercent", 8, "medicalRatePercent", 9,
                        "medicalIndividualPercent", 2,
                        "injuryFeePerOrderFen", Map.of("FOOD_DELIVERY", FOOD_FEE_FEN, "RIDE_HAILING", RIDE_FEE_FEN,
                                "INSTANT_DELIVERY", 7)))
                .put("/api/regions/" + region + "/policies/" + thisMonth().getYear())
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
    }

    /** A worker registered, enrolled in {@code scheme} at {@code region} from this month, and linked to {@code p}. */
    public static Worker linkedWorker(Platform p, String scheme, String region) {
        Worker w = worker();
        enrol(w, scheme, region, null);
        link(w, p);
        return w;
    }

    // ------------------------------------------------------------------ feeds

    public static Map<String, Object> monthLine(String ref, String nationalId, String scheme, YearMonth month, long amountFen) {
        Map<String, Object> l = new HashMap<>();
        l.put("ref", ref);
        l.put("nationalId", nationalId);
        l.put("scheme", scheme);
        l.put("period", month.toString());
        l.put("amountFen", amountFen);
        return l;
    }

    public static Map<String, Object> injuryLine(String ref, String nationalId, LocalDate day, long orders, String sector) {
        Map<String, Object> l = new HashMap<>();
        l.put("ref", ref);
        l.put("nationalId", nationalId);
        l.put("scheme", "OCCUPATIONAL_INJURY");
        l.put("period", day.toString());
        l.put("orders", orders);
        l.put("sector", sector);
        return l;
    }

    public static Map<String, Object> reversal(String ref, String reversesRef, String nationalId, String scheme, String period) {
        Map<String, Object> l = new HashMap<>();
        l.put("ref", ref);
        l.put("nationalId", nationalId);
        l.put("scheme", scheme);
        l.put("period", period);
        l.put("reversesRef", reversesRef);
        return l;
    }

    @SafeVarargs
    public static Map<String, Object> feed(Map<String, Object>... lines) {
        return Map.of("lines", new ArrayList<>(List.of(lines)));
    }

    public static Response send(Platform p, String key, Object jsonBody) {
        return given().auth().oauth2(p.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(jsonBody).post("/api/contribution-batches");
    }

    public static Response sendRaw(Platform p, String key, String contentType, String body) {
        return given().auth().oauth2(p.token()).contentType(contentType).header("Idempotency-Key", key)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/contribution-batches");
    }

    /** The body of a self-payment. */
    public static Map<String, Object> payment(String scheme, String month, long amount, String paymentRef) {
        Map<String, Object> b = new HashMap<>();
        b.put("scheme", scheme);
        b.put("month", month);
        b.put("amountFen", amount);
        b.put("paymentRef", paymentRef);
        return b;
    }

    /** A worker's self-payment under an Idempotency-Key. */
    public static Response pay(Worker w, String key, Map<String, Object> body) {
        return given().auth().oauth2(w.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/workers/me/payments");
    }

    public static String ref() {
        return "R-" + UUID.randomUUID();
    }

    public static String key() {
        return "K-" + UUID.randomUUID();
    }

    public static String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder s = new StringBuilder("91");
        for (int i = 0; i < 15; i++) {
            s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return s + String.valueOf(CreditCode.checkCharacter(s.toString()));
    }
}
