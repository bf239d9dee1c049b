package org.psi.transfer.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Request;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The enrollment-service as far as transfers go: workers by login subject with their enrollments, and
 * enrollment moves by transfer id (a repeat answers the first result; {@link #effects} counts real moves).
 */
public class EnrollmentStandIn extends StandIn {

    public static final String NAME = "enrollment-stand-in";

    public static final class Enrollment {
        public String enrollmentId = UUID.randomUUID().toString();
        public String scheme;
        public String region;
        public String status;
        public String startMonth;
        public String endMonth;
        public String openedByTransfer;
        public String closedByTransfer;
    }

    public static final class Worker {
        public String workerId = UUID.randomUUID().toString();
        public String subject;
        public String birthDate;
        public String sex;
        public String hukouRegion;
        public String residenceRegion;
        public List<Enrollment> enrollments = new ArrayList<>();
    }

    private record Move(String workerId, String scheme, String toRegion, Map<String, Object> answer) {
    }

    private final Map<String, Worker> bySubject = new HashMap<>();
    private final Map<String, Worker> byId = new HashMap<>();
    private final Map<String, Move> moves = new HashMap<>();
    private final Map<String, Integer> effects = new HashMap<>();

    public EnrollmentStandIn() {
        super();
    }

    @Override
    public String getName() {
        return NAME;
    }

    public synchronized Worker register(String subject, LocalDate birthDate, String sex, String hukouRegion) {
        Worker w = new Worker();
        w.subject = subject;
        w.birthDate = birthDate.toString();
        w.sex = sex;
        w.hukouRegion = hukouRegion;
        w.residenceRegion = hukouRegion;
        bySubject.put(subject, w);
        byId.put(w.workerId, w);
        return w;
    }

    public synchronized Enrollment enrol(String workerId, String scheme, String region, String status, YearMonth start, YearMonth end) {
        Enrollment e = new Enrollment();
        e.scheme = scheme;
        e.region = region;
        e.status = status;
        e.startMonth = start.toString();
        e.endMonth = end == null ? null : end.toString();
        byId.get(workerId).enrollments.add(e);
        return e;
    }

    /** The worker's current (not closed) enrollment of a scheme, or null. */
    public synchronized Enrollment current(String workerId, String scheme) {
        return byId.get(workerId).enrollments.stream()
                .filter(e -> e.scheme.equals(scheme) && !"CLOSED".equals(e.status)).findFirst().orElse(null);
    }

    public synchronized int effects(String transferId) {
        return effects.getOrDefault(transferId, 0);
    }

    @Override
    protected String[] route(Request request) {
        String[] parts = request.getUrl().split("\\?")[0].split("/");
        if ("workers".equals(parts[2])) {
            return new String[] {"worker", null};
        }
        return new String[] {"move", parts[3]};
    }

    @Override
    protected Answer apply(String op, String transferId, Request request) throws Exception {
        return switch (op) {
            case "worker" -> worker(request.getUrl().split("\\?")[0].substring("/internal/workers/by-subject/".length()));
            case "move" -> move(transferId, body(request));
            default -> new Answer(404, "No such operation");
        };
    }

    private Answer worker(String subject) {
        Worker w = bySubject.get(java.net.URLDecoder.decode(subject, java.nio.charset.StandardCharsets.UTF_8));
        return w == null ? new Answer(404, "No worker has registered with this login") : Answer.ok(w);
    }

    private Answer move(String transferId, JsonNode body) {
        String workerId = body.path("workerId").asText();
        String scheme = body.path("scheme").asText();
        String toRegion = body.path("toRegion").asText();
        Move done = moves.get(transferId);
        if (done != null) {
            if (!done.workerId().equals(workerId) || !done.scheme().equals(scheme) || !done.toRegion().equals(toRegion)) {
                return new Answer(409, "This transfer id moved something else");
            }
            return Answer.ok(done.answer());
        }
        Worker w = byId.get(workerId);
        Enrollment source = w == null ? null : current(workerId, scheme);
        if (source == null) {
            return new Answer(409, "No current enrollment to move");
        }
        if (source.region.equals(toRegion)) {
            return new Answer(409, "The enrollment is already in " + toRegion);
        }
        YearMonth from = YearMonth.now().plusMonths(1);
        source.status = "CLOSED";
        source.endMonth = from.minusMonths(1).toString();
        source.closedByTransfer = transferId;
        Enrollment opened = new Enrollment();
        opened.scheme = scheme;
        opened.region = toRegion;
        opened.status = "TEMPORARY".equals(body.path("mode").asText()) ? "TEMPORARY" : "ACTIVE";
        opened.startMonth = from.toString();
        opened.openedByTransfer = transferId;
        w.enrollments.add(opened);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("transferId", transferId);
        answer.put("closed", source);
        answer.put("opened", opened);
        // the answer must not change when the enrollments do later: keep a snapshot
        Map<String, Object> snapshot = JSON.convertValue(answer, Map.class);
        moves.put(transferId, new Move(workerId, scheme, toRegion, snapshot));
        effects.merge(transferId, 1, Integer::sum);
        return Answer.ok(snapshot);
    }
}
