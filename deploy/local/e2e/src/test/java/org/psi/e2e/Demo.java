package org.psi.e2e;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo world that several scenarios share, made through the API on first use and found again
 * after that, so that no test depends on another one having run: the platforms FastMeal and
 * QuickRide, and two workers of the realm with their enrollments and consents.
 */
public final class Demo {

    public static final String FASTMEAL = "FASTMEAL";
    public static final String QUICKRIDE = "QUICKRIDE";

    /** A registered worker: the login, the PSI worker id and the citizen ID. */
    public record Worker(String username, String workerId, String nationalId) {
        public String token() {
            return Tokens.worker(username);
        }
    }

    private static final Map<String, Worker> WORKERS = new HashMap<>();
    private static boolean platforms;

    private Demo() {
    }

    /** FastMeal (food and instant delivery) and QuickRide (ride hailing), registered by the admin. */
    public static synchronized void platforms() {
        if (!platforms) {
            platform(FASTMEAL, "FastMeal Delivery Co., Ltd.", "platform-fastmeal", List.of("FOOD_DELIVERY", "INSTANT_DELIVERY"));
            platform(QUICKRIDE, "QuickRide Mobility Co., Ltd.", "platform-quickride", List.of("RIDE_HAILING"));
            platforms = true;
        }
    }

    private static void platform(String code, String name, String clientId, List<String> sectors) {
        int found = Stack.enrollment(Tokens.platform(clientId)).get("/api/platforms/me").statusCode();
        if (found == 404) {
            Stack.enrollment(Tokens.staff("psi.admin"))
                    .body(Map.of("code", code, "name", name, "creditCode", TestData.creditCode(), "clientId", clientId,
                            "sectors", sectors))
                    .post("/api/platforms").then().statusCode(201);
        }
    }

    /**
     * Wang Fang, a rider living in Shenzhen with a Guangdong household registration: PENSION and
     * OCCUPATIONAL_INJURY in Guangdong (440000), MEDICAL in Shenzhen (440300); FastMeal and
     * QuickRide may contribute for her.
     */
    public static synchronized Worker rider() {
        return worker("wang.fang", "Wang Fang", "440305",
                Map.of("PENSION", "440000", "MEDICAL", "440300", "OCCUPATIONAL_INJURY", "440000"), List.of(FASTMEAL, QUICKRIDE));
    }

    /** Li Wei, a ride-hailing driver in Shanghai: PENSION in 310000, MEDICAL in 310100; QuickRide may contribute. */
    public static synchronized Worker driver() {
        return worker("li.wei", "Li Wei", "310104",
                Map.of("PENSION", "310000", "MEDICAL", "310100"), List.of(QUICKRIDE));
    }

    private static Worker worker(String username, String name, String residence,
                                 Map<String, String> schemes, List<String> links) {
        Worker known = WORKERS.get(username);
        if (known != null) {
            return known;
        }
        platforms();
        String token = Tokens.worker(username);
        // the citizen ID the identity provider verified for this login (real-name binding)
        String nationalId = Tokens.verifiedId(username);
        var me = Stack.enrollment(token).get("/api/workers/me");
        if (me.statusCode() == 200) {
            // registered by an earlier run against the same stack: keep what is there
            known = new Worker(username, me.path("workerId"), nationalId);
        } else {
            String workerId = Stack.enrollment(Tokens.registration(username))
                    .body(Map.of("nationalId", nationalId, "name", name, "phone", "13800138000", "residenceRegion", residence))
                    .post("/api/workers").then().statusCode(201).extract().path("workerId");
            schemes.forEach((scheme, region) -> {
                Map<String, Object> body = new HashMap<>(Map.of("scheme", scheme, "region", region));
                if (!scheme.equals("OCCUPATIONAL_INJURY")) {
                    body.put("baseGrade", 100);
                }
                Stack.enrollment(token).body(body).post("/api/workers/me/enrollments").then().statusCode(201);
            });
            for (String platform : links) {
                Stack.enrollment(token).body(Map.of("platformCode", platform)).post("/api/workers/me/platform-links")
                        .then().statusCode(anyOf(is(200), is(201)));
            }
            known = new Worker(username, workerId, nationalId);
        }
        WORKERS.put(username, known);
        return known;
    }
}
