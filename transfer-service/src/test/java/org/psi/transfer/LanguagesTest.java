package org.psi.transfer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psi.common.test.Tokens;
import org.psi.transfer.support.Fixtures;

/** Accept-Language: zh-CN gets the problem's words in Chinese; type and codes stay; no header: English. */
@QuarkusTest
class LanguagesTest {

    private static io.restassured.response.ValidatableResponse act(String token, String id, String action, String language) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.post("/api/transfers/" + id + "/" + action).then();
    }

    @Test
    void aTransferCaseExplainsItsRefusalsInChineseWhenAsked() {
        Fixtures.Worker w = Fixtures.pension("440000", 100, 100);
        given().auth().oauth2(w.token()).header("Accept-Language", "zh-CN").contentType(ContentType.JSON)
                .body(Map.of("scheme", "PENSION", "toRegion", "440000")).post("/api/transfers").then().statusCode(400)
                .body("type", equalTo("https://psi.example/problems/validation"))
                .body("title", equalTo("请求无效"))
                .body("errors[0].field", equalTo("toRegion"))
                .body("errors[0].code", equalTo("SAME_REGION"))
                .body("errors[0].message", equalTo("您的养老保险已在 440000 参保；请选择其他统筹地区"));
        given().auth().oauth2(w.token()).contentType(ContentType.JSON)
                .body(Map.of("scheme", "PENSION", "toRegion", "440000")).post("/api/transfers").then().statusCode(400)
                .body("errors[0].code", equalTo("SAME_REGION"))
                .body("errors[0].message", equalTo("Your PENSION enrollment is already in 440000; choose another region"));

        String id = Fixtures.submitted(w, "PENSION", "310000");
        act(Tokens.officer("440000"), id, "transfer-out", "zh-CN").statusCode(409)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("https://psi.example/problems/invalid-transition"))
                .body("title", equalTo("冲突"))
                .body("detail", equalTo("转入地尚未受理此转移接续申请；转出地须在受理后办理转出"));
        act(Tokens.officer("440000"), id, "accept", "zh").statusCode(403)
                .body("type", equalTo("https://psi.example/problems/forbidden"))
                .body("title", equalTo("禁止访问"))
                .body("detail", equalTo("只有转入地 310000 的经办人可以受理此申请"));
        act(Tokens.officer("440000"), id, "accept", null).statusCode(403)
                .body("detail", equalTo("Only an officer of the destination region 310000 may accept"));
        act(Tokens.officer("310000"), id, "accept", null).statusCode(200);
        act(Tokens.officer("310000"), id, "accept", "zh-CN").statusCode(409)
                .body("type", equalTo("https://psi.example/problems/invalid-transition"))
                .body("detail", equalTo("状态为 ACCEPTED 的转移接续申请不能受理（只有状态为 SUBMITTED 的才可以）"));
        act(Tokens.officer("310000"), id, "accept", "en-GB, zh;q=0.5").statusCode(409)
                .header("Content-Language", "en")
                .body("detail", equalTo("A ACCEPTED transfer cannot be accepted (only a SUBMITTED one)"));
    }
}
