package org.psi.transfer.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP stand-in for another PSI service: a WireMock server whose answers come from Java (a small
 * model of that service's state), with faults injected per operation and transfer id. It checks that
 * every call carries a bearer token with the realm role {@code internal}.
 */
public abstract class StandIn implements ResponseDefinitionTransformerV2 {

    /** Longer than the fault-injection profile's read timeout (500 ms): the caller gives up before the answer comes. */
    public static final int TIMEOUT_DELAY_MS = 1200;

    protected static final ObjectMapper JSON = new ObjectMapper();

    /** One call the stand-in received. */
    public record Call(String op, String transferId, String authorization) {
    }

    protected record Answer(int status, Object body, int delayMs) {
        Answer(int status, Object body) {
            this(status, body, 0);
        }

        static Answer ok(Object body) {
            return new Answer(200, body);
        }
    }

    private final WireMockServer server;
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final List<Call> calls = new ArrayList<>();

    protected StandIn() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(64)
                .jettyAcceptors(2).disableRequestJournal().extensions(this));
        server.start();
        server.stubFor(any(urlPathMatching("/internal/.*")).willReturn(aResponse().withTransformers(getName())));
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    public void stop() {
        server.stop();
    }

    /** Queues faults for the next calls of {@code op} ({@code transferId} null: any transfer). */
    public void fault(String op, String transferId, Fault... next) {
        Deque<Fault> queue = faults.computeIfAbsent(op + "|" + transferId, k -> new ArrayDeque<>());
        synchronized (queue) {
            for (Fault f : next) {
                queue.addLast(f);
            }
        }
    }

    public void clearFaults() {
        faults.clear();
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized long calls(String op, String transferId) {
        return calls.stream().filter(c -> c.op().equals(op) && (transferId == null || transferId.equals(c.transferId()))).count();
    }

    /** Decides the operation and transfer id of a request: {op, transferId}. */
    protected abstract String[] route(Request request);

    /** Does the operation; runs under the stand-in's lock. */
    protected abstract Answer apply(String op, String transferId, Request request) throws Exception;

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String auth = request.getHeader("Authorization");
        String[] route = route(request);
        String op = route[0];
        String transferId = route[1];
        synchronized (this) {
            calls.add(new Call(op, transferId, auth));
        }
        if (!isInternal(auth)) {
            return problem(401, "A bearer token with the role internal is required");
        }
        Fault fault = nextFault(op, transferId);
        try {
            if (fault == Fault.ERROR_BEFORE) {
                return problem(503, "Injected failure before the work");
            }
            if (fault == Fault.RESET) {
                return new ResponseDefinitionBuilder().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
            }
            if (fault == Fault.TIMEOUT_BEFORE) {
                return new ResponseDefinitionBuilder().withStatus(503).withFixedDelay(TIMEOUT_DELAY_MS).build();
            }
            if (fault == Fault.REFUSE) {
                return problem(409, "Injected refusal");
            }
            if (fault == Fault.ALREADY_HELD) {
                return new ResponseDefinitionBuilder().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody(JSON.writeValueAsString(Map.of("type", "https://psi.example/problems/already-held",
                                "title", "Conflict", "status", 409, "detail", "Another transfer holds these funds"))).build();
            }
            if (fault == Fault.LOSE_HOLD) {
                synchronized (this) {
                    lose(transferId);
                }
                return problem(404, "No hold for this transfer");
            }
            Answer answer;
            synchronized (this) {
                answer = apply(op, transferId, request);
            }
            if (fault == Fault.ERROR_AFTER) {
                return problem(500, "Injected failure after the work");
            }
            ResponseDefinitionBuilder builder = answer.body() instanceof String s && answer.status() >= 400
                    ? problemBuilder(answer.status(), s)
                    : new ResponseDefinitionBuilder().withStatus(answer.status()).withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(answer.body()));
            if (fault == Fault.TIMEOUT_AFTER) {
                builder.withFixedDelay(TIMEOUT_DELAY_MS);
            } else if (answer.delayMs() > 0) {
                builder.withFixedDelay(answer.delayMs());
            }
            return builder.build();
        } catch (Exception e) {
            return problem(500, e.toString());
        }
    }

    /** Forgets what was held for a transfer (the contribution stand-in overrides it). */
    protected void lose(String transferId) {
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    protected JsonNode body(Request request) throws Exception {
        return JSON.readTree(request.getBodyAsString());
    }

    private Fault nextFault(String op, String transferId) {
        for (String key : new String[] {op + "|" + transferId, op + "|null"}) {
            Deque<Fault> queue = faults.get(key);
            if (queue != null) {
                synchronized (queue) {
                    Fault f = queue.pollFirst();
                    if (f != null) {
                        return f;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isInternal(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        try {
            String[] parts = authorization.substring(7).split("\\.");
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            for (JsonNode role : claims.path("realm_access").path("roles")) {
                if ("internal".equals(role.asText())) {
                    return true;
                }
            }
        } catch (Exception e) {
            return false;
        }
        return false;
    }

    private static ResponseDefinition problem(int status, String detail) {
        return problemBuilder(status, detail).build();
    }

    private static ResponseDefinitionBuilder problemBuilder(int status, String detail) {
        try {
            return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/problem+json")
                    .withBody(JSON.writeValueAsString(Map.of("type", "https://psi.example/problems/stand-in", "title", "Stand-in",
                            "status", status, "detail", detail)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
