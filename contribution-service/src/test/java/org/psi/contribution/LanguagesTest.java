package org.psi.contribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.psi.contribution.support.Fixtures.feed;
import static org.psi.contribution.support.Fixtures.key;
import static org.psi.contribution.support.Fixtures.monthLine;
import static org.psi.contribution.support.Fixtures.ref;
import static org.psi.contribution.support.Fixtures.thisMonth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.contribution.support.Fixtures;
import org.psi.contribution.support.Fixtures.Platform;

/**
 * Accept-Language: zh-CN gets Chinese words: a problem's title and detail, a feed's rejected
 * lines (also when the report is read again), Bean Validation's field messages; type and codes stay;
 * no header: English.
 */
@QuarkusTest
class LanguagesTest {

    @Test
    void aRejectedFeedLineIsExplainedInTheLanguageOfWhoeverReadsTheReport() {
        Platform p = Fixtures.platform();
        String month = thisMonth().toString();
        String batch = given().auth().oauth2(p.token()).contentType(ContentType.JSON).header("Idempotency-Key", key())
                .header("Accept-Language", "zh-CN")
                .body(feed(monthLine(ref(), Fixtures.nationalId(), "PENSION", thisMonth(), 100)))
                .post("/api/contribution-batches").then().statusCode(201)
                .header("Content-Language", "zh-CN")
                .body("rejected", equalTo(1))
                .body("errors[0].code", equalTo("NOT_AUTHORISED"))
                .body("errors[0].message", equalTo("平台 " + p.code() + " 不能在 " + month + " 为此人缴费：当时没有此人有效的授权"))
                .extract().path("batchId");
        given().auth().oauth2(p.token()).get("/api/contribution-batches/" + batch).then().statusCode(200)
                .body("errors[0].code", equalTo("NOT_AUTHORISED"))
                .body("errors[0].message", equalTo("Platform " + p.code() + " may not contribute for this person in " + month
                        + ": no consent of theirs was in force"));
        given().auth().oauth2(p.token()).header("Accept-Language", "zh").get("/api/contribution-batches/" + batch).then()
                .statusCode(200)
                .body("errors[0].message", containsString("当时没有此人有效的授权"));
    }

    @Test
    void aMalformedFeedIsRefusedInChineseWithItsCodes() {
        Platform p = Fixtures.platform();
        given().auth().oauth2(p.token()).contentType(ContentType.JSON).header("Idempotency-Key", key())
                .header("Accept-Language", "zh-CN")
                .body(feed(monthLine(ref(), Fixtures.nationalId(), "PENSION", thisMonth(), 0)))
                .post("/api/contribution-batches").then().statusCode(400)
                .header("Content-Language", "zh-CN")
                .header("Vary", containsString("Accept-Language"))
                .body("type", equalTo("https://psi.example/problems/invalid-feed"))
                .body("title", equalTo("缴费明细无效"))
                .body("detail", equalTo("1 行中有 1 行格式错误（共 1 处错误）；未做任何处理。请改正后重新提交。"))
                .body("errors[0].field", equalTo("amountFen"))
                .body("errors[0].line", equalTo(1))
                .body("errors[0].code", equalTo("AMOUNT_OUT_OF_RANGE"))
                .body("errors[0].message", equalTo("amountFen 取值为 1 至 10000000 分"));
        given().auth().oauth2(p.token()).contentType(ContentType.JSON).header("Idempotency-Key", key())
                .body(feed(monthLine(ref(), Fixtures.nationalId(), "PENSION", thisMonth(), 0)))
                .post("/api/contribution-batches").then().statusCode(400)
                .body("title", equalTo("Invalid feed"))
                .body("errors[0].code", equalTo("AMOUNT_OUT_OF_RANGE"))
                .body("errors[0].message", equalTo("amountFen is 1 to 10000000 fen"));
    }

    @Test
    void beanValidationMessagesAreInChineseToo() {
        Map<String, Object> noMonth = Map.of("scheme", "PENSION", "amountFen", 100, "paymentRef", "ALIPAY-1");
        given().auth().oauth2(Tokens.newWorker()).contentType(ContentType.JSON).header("Idempotency-Key", key())
                .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .body(noMonth).post("/api/workers/me/payments").then().statusCode(400)
                .body("type", equalTo("https://psi.example/problems/validation"))
                .body("title", equalTo("请求无效"))
                .body("errors[0].field", equalTo("month"))
                .body("errors[0].code", equalTo("REQUIRED"))
                .body("errors[0].message", equalTo("不能为空"));
        given().auth().oauth2(Tokens.newWorker()).contentType(ContentType.JSON).header("Idempotency-Key", key())
                .body(noMonth).post("/api/workers/me/payments").then().statusCode(400)
                .body("errors[0].code", equalTo("REQUIRED"))
                .body("errors[0].message", equalTo("must not be null"));
    }
}
