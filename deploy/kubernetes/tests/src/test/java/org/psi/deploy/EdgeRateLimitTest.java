package org.psi.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rate limits at the edge follow the services' own ({@code psi.rate-limit.*} in each
 * application.properties, prod profile): every endpoint group a service limits has a location of
 * its own at the Ingress and at the compose proxy, limited per client address at {@value #FACTOR}
 * times a single caller's quota (once, for a group the service counts per address), as a rate per
 * minute and a burst of the whole quota; every other public API path has the default, likewise.
 */
class EdgeRateLimitTest {

    /** An address may be the NAT of many callers: the edge allows it this many callers' quotas. */
    static final int FACTOR = 10;

    /** A group of a service: its name, endpoints, quota and window, and whether the service counts it by address. */
    record Group(String service, String name, List<String> endpoints, long quota, Duration window, boolean byAddress) {

        long edgeQuota() {
            return quota * (byAddress ? 1 : FACTOR);
        }

        /** The edge's rate per minute: the edge quota spread over the window, at least 1. */
        long edgeRpm() {
            return Math.max(1, (long) Math.ceil(edgeQuota() * 60.0 / window.toSeconds()));
        }
    }

    static Duration duration(String v) {
        Matcher m = Pattern.compile("(\\d+)([smhd])").matcher(v.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        return Duration.parse(v.strip());
    }

    /** The default group and every configured group of a service, as its prod profile sees them. */
    static List<Group> groups(String service) {
        QuarkusService svc = QuarkusService.of(service);
        List<Group> out = new ArrayList<>();
        out.add(new Group(service, "default", List.of(), Long.parseLong(svc.prod("psi.rate-limit.default.limit", "600")),
                duration(svc.prod("psi.rate-limit.default.window", "1m")), false));
        Pattern key = Pattern.compile("psi\\.rate-limit\\.groups\\.([^.]+)\\.endpoints");
        for (String k : svc.propertyKeys()) {
            Matcher m = key.matcher(k);
            if (!m.matches()) {
                continue;
            }
            String g = m.group(1);
            String prefix = "psi.rate-limit.groups." + g + ".";
            out.add(new Group(service, g, List.of(svc.prod(prefix + "endpoints").orElseThrow().split("\\s*,\\s*")),
                    Long.parseLong(svc.prod(prefix + "limit").orElseThrow()), duration(svc.prod(prefix + "window", "1m")),
                    "address".equals(svc.prod(prefix + "key", "caller"))));
        }
        return out;
    }

    /** The public path of an endpoint that the edge can match by itself (no template, no query), if any. */
    static Optional<String> edgePath(String endpoint) {
        String path = endpoint.split("\\s+", 2)[1];
        if (!path.startsWith("/api/") || path.contains("?") || path.contains("{") || path.contains("*")) {
            return Optional.empty();
        }
        return Optional.of(path);
    }

    @Test
    void everyServiceLimitsSomeGroupsAndTheDefault() {
        for (String service : Repo.SERVICES) {
            List<Group> groups = groups(service);
            assertTrue(groups.size() > 2, service + " limits groups of endpoints: " + groups);
            assertTrue(groups.stream().anyMatch(g -> g.endpoints().stream().anyMatch(e -> e.contains("/internal"))),
                    service + " gives its internal endpoints a group of their own (PSI's services call them often)");
        }
    }

    static Stream<String> overlays() {
        return KubernetesManifestsTest.overlays();
    }

    /** An edge limit: requests per minute and how many at once. */
    record Limit(long rpm, long burst) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theIngressLimitsTheSameGroupsPerAddress(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            for (Group g : groups(service)) {
                List<String> paths = g.name().equals("default") ? List.of("/api/regions", "/api/workers/me", "/api")
                        : g.endpoints().stream().map(EdgeRateLimitTest::edgePath).flatMap(Optional::stream).toList();
                for (String path : paths) {
                    Optional<Ingress> ing = route(r, service, path);
                    if (ing.isEmpty()) {
                        if (!path.equals("/api/regions") && !path.equals("/api/workers/me")) {
                            problems.add(overlay + ": no Ingress routes " + path + " to " + service);
                        }
                        continue;
                    }
                    Limit l = ingressLimit(ing.get());
                    check(problems, overlay + " Ingress " + ing.get().getMetadata().getName(), g, path, l);
                }
            }
        }
        for (Ingress ing : r.all(Ingress.class)) {
            boolean api = ing.getSpec().getRules().stream().flatMap(rule -> rule.getHttp().getPaths().stream())
                    .anyMatch(p -> p.getPath().startsWith("/api"));
            if (api) {
                assertNotNull(ingressLimit(ing), overlay + ": Ingress " + ing.getMetadata().getName() + " serves /api without a rate limit");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void check(List<String> problems, String where, Group g, String path, Limit l) {
        if (l == null) {
            problems.add(where + " routes " + path + " (" + g.service() + " group " + g.name() + ") without a rate limit");
            return;
        }
        if (l.rpm() != g.edgeRpm() || l.burst() < g.edgeQuota() || l.burst() >= g.edgeQuota() + l.rpm()) {
            problems.add(where + " limits " + path + " to " + l.rpm() + "/min, " + l.burst() + " at once; " + g.service() + "'s group "
                    + g.name() + " (" + g.quota() + " per " + g.window() + (g.byAddress() ? " per address" : " per caller")
                    + ") makes " + g.edgeRpm() + "/min, " + g.edgeQuota() + " at once per address");
        }
    }

    /** The Ingress whose path nginx would pick for {@code path} on the host of {@code service}: Exact first, then the longest Prefix. */
    static Optional<Ingress> route(Rendered r, String service, String path) {
        Ingress best = null;
        int bestScore = -1;
        for (Ingress ing : r.all(Ingress.class)) {
            for (IngressRule rule : ing.getSpec().getRules()) {
                for (HTTPIngressPath p : rule.getHttp().getPaths()) {
                    if (!service.equals(p.getBackend().getService().getName())
                            || !KubernetesManifestsTest.routes(p.getPath(), p.getPathType(), path)) {
                        continue;
                    }
                    int score = "Exact".equals(p.getPathType()) ? 100_000 : p.getPath().length();
                    if (score > bestScore) {
                        best = ing;
                        bestScore = score;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** ingress-nginx: limit-rpm, and limit-rpm x limit-burst-multiplier (default 5) at once. */
    static Limit ingressLimit(Ingress ing) {
        Map<String, String> a = Optional.ofNullable(ing.getMetadata().getAnnotations()).orElse(Map.of());
        String rpm = a.get("nginx.ingress.kubernetes.io/limit-rpm");
        if (rpm == null) {
            return null;
        }
        long n = Long.parseLong(rpm);
        return new Limit(n, n * Long.parseLong(a.getOrDefault("nginx.ingress.kubernetes.io/limit-burst-multiplier", "5")));
    }

    @Test
    void theComposeProxyLimitsTheSameGroupsPerAddress() {
        String conf = Repo.read(Repo.compose().resolve("proxy/nginx.conf")).replaceAll("(?m)#.*$", "");
        assertTrue(Pattern.compile("limit_req_status\\s+429\\s*;").matcher(conf).find(), "the proxy answers 429, not 503");
        Map<String, Long> zones = new LinkedHashMap<>();
        Matcher z = Pattern.compile("limit_req_zone\\s+\\$binary_remote_addr\\s+zone=([\\w-]+):\\S+\\s+rate=(\\d+)r/m\\s*;").matcher(conf);
        while (z.find()) {
            zones.put(z.group(1), Long.parseLong(z.group(2)));
        }
        assertFalse(zones.isEmpty(), "the proxy has rate-limit zones per client address");
        Map<Integer, Map<String, Limit>> limits = new LinkedHashMap<>();
        Map<Integer, List<ComposeTest.Location>> servers = ComposeTest.nginxServers();
        Matcher server = Pattern.compile("server\\s*\\{((?:[^{}]|\\{[^{}]*})*)}").matcher(conf);
        while (server.find()) {
            Matcher listen = Pattern.compile("listen\\s+(\\d+)\\s*;").matcher(server.group(1));
            assertTrue(listen.find());
            Map<String, Limit> byLocation = new LinkedHashMap<>();
            Matcher loc = Pattern.compile("location\\s+(=\\s+)?(\\S+)\\s*\\{([^{}]*)}").matcher(server.group(1));
            while (loc.find()) {
                Matcher lr = Pattern.compile("limit_req\\s+zone=([\\w-]+)\\s+burst=(\\d+)").matcher(loc.group(3));
                if (lr.find()) {
                    assertTrue(zones.containsKey(lr.group(1)), "zone " + lr.group(1) + " is defined");
                    byLocation.put((loc.group(1) == null ? "" : "=") + loc.group(2),
                            new Limit(zones.get(lr.group(1)), Long.parseLong(lr.group(2)) + 1));
                }
            }
            limits.put(Integer.parseInt(listen.group(1)), byLocation);
        }
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            int port = QuarkusService.of(service).httpPort();
            List<ComposeTest.Location> locs = servers.get(port);
            for (Group g : groups(service)) {
                List<String> paths = g.name().equals("default") ? List.of("/api/regions", "/api/workers/me")
                        : g.endpoints().stream().map(EdgeRateLimitTest::edgePath).flatMap(Optional::stream).toList();
                for (String path : paths) {
                    ComposeTest.Location l = ComposeTest.route(locs, path);
                    assertNotNull(l, "the proxy routes " + path + " to " + service);
                    Limit limit = limits.get(port).get((l.exact() ? "=" : "") + l.path());
                    // nginx admits burst + 1 at once
                    check(problems, "proxy port " + port + " location " + l.path(), g, path,
                            limit == null ? null : new Limit(limit.rpm(), limit.burst() - 1));
                }
            }
            for (ComposeTest.Location l : locs) {
                if (l.proxyPass() != null && l.path().startsWith("/api")) {
                    assertNotNull(limits.get(port).get((l.exact() ? "=" : "") + l.path()), "port " + port + " " + l.path() + " has a limit");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aGroupTheEdgeCannotTellApartIsUnderTheDefault() {
        // e.g. GET /api/workers/{workerId}?reveal=true: the service counts it per caller; the edge sees /api/workers/...
        for (String service : Repo.SERVICES) {
            for (Group g : groups(service)) {
                for (String e : g.endpoints()) {
                    String path = e.split("\\s+", 2)[1];
                    if (path.startsWith("/api/") && edgePath(e).isEmpty()) {
                        assertTrue(g.edgeQuota() <= groups(service).get(0).edgeQuota(), service + " " + g.name()
                                + ": the default at the edge is no tighter than the group");
                    }
                }
            }
        }
    }
}
