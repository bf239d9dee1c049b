package org.psi.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.enrollment.support.Fixtures;

/** Accept-Language: zh-CN gets the problem's words in Chinese; type and codes stay; no header: English. */
@QuarkusTest
class LanguagesTest {

    @Test
    void aConflictIsExplainedInChineseWhenAskedAndInEnglishOtherwise() {
        Fixtures.Registered w = Fixtures.worker();
        Fixtures.enrol(w.token(), "PENSION", "440000", 100, null).statusCode(201);
        Map<String, Object> again = Map.of("scheme", "PENSION", "region", "310000", "baseGrade", 100);
        given().auth().oauth2(w.token()).header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(again)
                .post("/api/workers/me/enrollments").then().statusCode(409)
                .contentType("application/problem+json")
                .header("Content-Language", "zh-CN")
                .header("Vary", containsString("Accept-Language"))
                .body("type", equalTo("https://psi.example/problems/already-enrolled"))
                .body("title", equalTo("冲突"))
                .body("detail", startsWith("您已有一条正在参保的养老保险记录，全国只允许一条"));
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body(again)
                .post("/api/workers/me/enrollments").then().statusCode(409)
                .header("Content-Language", "en")
                .body("type", equalTo("https://psi.example/problems/already-enrolled"))
                .body("title", equalTo("Conflict"))
                .body("detail", startsWith("You already have a current PENSION enrollment"));
        // q-values: English preferred over Chinese
        given().auth().oauth2(w.token()).header("Accept-Language", "zh-CN;q=0.5, en").contentType(ContentType.JSON).body(again)
                .post("/api/workers/me/enrollments").then().statusCode(409).body("title", equalTo("Conflict"));
    }

    @Test
    void fieldErrorsOfTheDomainAndOfBeanValidationAreInChineseWithTheirCodes() {
        Fixtures.Registered w = Fixtures.worker();
        given().auth().oauth2(w.token()).header("Accept-Language", "zh-Hans-CN, en;q=0.5").contentType(ContentType.JSON)
                .body(Map.of("scheme", "PENSION", "region", "440300", "baseGrade", 100))
                .post("/api/workers/me/enrollments").then().statusCode(400)
                .body("type", equalTo("https://psi.example/problems/validation"))
                .body("title", equalTo("请求无效"))
                .body("errors[0].field", equalTo("region"))
                .body("errors[0].code", equalTo("NOT_A_POOLING_REGION"))
                .body("errors[0].message", equalTo("养老保险实行省级统筹；440300 不是其统筹地区（可改用 440000）"))
                .body("detail", equalTo("养老保险实行省级统筹；440300 不是其统筹地区（可改用 440000）"));
        Map<String, Object> platform = Map.of("code", "x", "name", " ", "creditCode", Fixtures.creditCode(),
                "clientId", "client-x-zh", "sectors", List.of("OTHER"));
        given().auth().oauth2(Tokens.admin()).header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(platform)
                .post("/api/platforms").then().statusCode(400)
                .body("detail", equalTo("请求中有 2 个字段无效"))
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].code", equalTo("INVALID_FORMAT"))
                .body("errors[0].message", equalTo("平台代码为 2 至 32 位，只能使用 A-Z、0-9、_ 和 -"))
                .body("errors[1].field", equalTo("name"))
                .body("errors[1].code", equalTo("REQUIRED"))
                .body("errors[1].message", equalTo("不能为空"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(platform)
                .post("/api/platforms").then().statusCode(400)
                .body("detail", equalTo("The request has 2 invalid fields"))
                .body("errors[0].message", equalTo("a platform code is 2 to 32 of A-Z, 0-9, _ and -"))
                .body("errors[1].message", equalTo("must not be blank"));
    }

    @Test
    void theSharedAnswersSpeakChineseToo() {
        given().header("Accept-Language", "zh").get("/api/workers/me").then().statusCode(401)
                .body("type", equalTo("https://psi.example/problems/unauthorized"))
                .body("title", equalTo("未认证"));
        given().auth().oauth2(Tokens.newWorker()).header("Accept-Language", "zh-CN").get("/api/workers/me").then().statusCode(404)
                .body("type", equalTo("https://psi.example/problems/not-registered"))
                .body("title", equalTo("尚未登记"))
                .body("detail", equalTo("此登录账号尚未登记为参保人：请先调用 POST /api/workers"));
        given().auth().oauth2(Tokens.newWorker()).header("Accept-Language", "zh-TW, fr").get("/api/workers/me").then().statusCode(404)
                .body("title", equalTo("Not registered"));
    }
}
