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
 * The enrollment-service as far as transfers go: workers with their enrollments, published as the
 * enrollment-service publishes them (its event feed: the worker and person streams, each event with
 * the worker's whole state; a worker's state as events for an unknown login), and enrollment moves by
 * transfer id (a repeat answers the first result; {@link #effects} counts real moves). As the real
 * service, a change made here returns once the transfer-service's copy has applied it (at most 2 s).
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

    public Worker register(String subject, LocalDate birthDate, String sex, String hukouRegion) {
        Worker w = new Worker();
        long seq;
        synchronized (this) {
            w.subject = subject;
            w.birthDate = birthDate.toString();
            w.sex = sex;
            w.hukouRegion = hukouRegion;
            w.residenceRegion = hukouRegion;
            bySubject.put(subject, w);
            byId.put(w.workerId, w);
            publish(w, "worker.registered");
            seq = publishPerson(w);
        }
        awaitApplied(seq);
        return w;
    }

    public Enrollment enrol(String workerId, String scheme, String region, String status, YearMonth start, YearMonth end) {
        Enrollment e = new Enrollment();
        long seq;
        synchronized (this) {
            e.scheme = scheme;
            e.region = region;
            e.status = status;
            e.startMonth = start.toString();
            e.endMonth = end == null ? null : end.toString();
            byId.get(workerId).enrollments.add(e);
            seq = publish(byId.get(workerId), "enrollment.opened");
        }
        awaitApplied(seq);
        return e;
    }

    // ------------------------------------------------------------------ the event feed

    private final List<Map<String, Object>> events = new ArrayList<>();
    private volatile long readerPosition;
    private volatile long readerSeenAt;

    private long publish(Worker w, String type) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("workerId", w.workerId);
        state.put("subject", w.subject);
        state.put("residenceRegion", w.residenceRegion);
        state.put("enrollments", JSON.convertValue(w.enrollments, List.class));
        state.put("consents", List.of());
        return event("worker", w.workerId, type, state);
    }

    private long publishPerson(Worker w) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("workerId", w.workerId);
        person.put("birthDate", w.birthDate);
        person.put("sex", w.sex);
        person.put("hukouRegion", w.hukouRegion);
        return event("person", w.workerId, "person.registered", person);
    }

    private long event(String stream, String aggregateId, String type, Object payload) {
        long seq = events.size() + 1;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("seq", seq);
        e.put("id", UUID.randomUUID().toString());
        e.put("aggregateType", stream);
        e.put("aggregateId", aggregateId);
        e.put("type", type);
        e.put("occurredAt", java.time.Instant.now().toString());
        e.put("payload", payload);
        events.add(e);
        return seq;
    }

    /** Waits until the reader has asked for events after {@code seq} (it has applied it), if it reads at all. */
    private void awaitApplied(long seq) {
        long deadline = System.currentTimeMillis() + 2_000;
        while (readerPosition < seq && System.currentTimeMillis() < deadline
                && System.currentTimeMillis() - readerSeenAt < 3_000) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Answer feed(Request request) {
        long after = Long.parseLong(request.queryParameter("after").isPresent() ? request.queryParameter("after").firstValue() : "0");
        int limit = Integer.parseInt(request.queryParameter("limit").isPresent() ? request.queryParameter("limit").firstValue() : "500");
        readerPosition = Math.max(readerPosition, after);
        readerSeenAt = System.currentTimeMillis();
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = (int) after; i < events.size() && page.size() < limit; i++) {
            page.add(events.get(i));
        }
        long next = page.isEmpty() ? Math.max(after, events.size()) : ((Number) page.get(page.size() - 1).get("seq")).longValue();
        // nothing new: answer a little later, as a long poll would
        return new Answer(200, Map.of("events", page, "next", next), page.isEmpty() ? 100 : 0);
    }

    private Answer copyOf(String subject) {
        Worker w = bySubject.get(java.net.URLDecoder.decode(subject, java.nio.charset.StandardCharsets.UTF_8));
        if (w == null) {
            return new Answer(404, "No worker has registered with this login");
        }
        long seq = events.stream().filter(e -> w.workerId.equals(e.get("aggregateId")))
                .mapToLong(e -> ((Number) e.get("seq")).longValue()).max().orElse(0);
        List<Map<String, Object>> now = new ArrayList<>();
        for (Map<String, Object> e : events) {
            if (w.workerId.equals(e.get("aggregateId"))) {
                now.add(e);
            }
        }
        List<Map<String, Object>> latest = new ArrayList<>();
        for (String stream : List.of("worker", "person")) {
            now.stream().filter(e -> stream.equals(e.get("aggregateType"))).reduce((a, b) -> b).ifPresent(e -> {
                Map<String, Object> copy = new LinkedHashMap<>(e);
                copy.put("seq", seq);
                latest.add(copy);
            });
        }
        return Answer.ok(Map.of("events", latest, "next", seq));
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
        String path = request.getUrl().split("\\?")[0];
        if (path.startsWith("/internal/events/workers/by-subject/")) {
            return new String[] {"copy", null};
        }
        if (path.equals("/internal/events")) {
            return new String[] {"events", null};
        }
        return new String[] {"move", path.split("/")[3]};
    }

    @Override
    protected Answer apply(String op, String transferId, Request request) throws Exception {
        return switch (op) {
            case "events" -> feed(request);
            case "copy" -> copyOf(request.getUrl().split("\\?")[0].substring("/internal/events/workers/by-subject/".length()));
            case "move" -> move(transferId, body(request));
            default -> new Answer(404, "No such operation");
        };
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
        publish(w, "enrollment.moved");
        return Answer.ok(snapshot);
    }
}
