package org.psi.common.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The token buckets (bucket4j) of every group and caller: a bucket holds the group's quota and
 * gets all of it back at the end of each window (a fixed window from the caller's first request,
 * so that {@code RateLimit}'s remaining count and reset time are exact). Kept in memory per service instance, at most
 * {@code max-keys} per group (Caffeine; an idle bucket is full again after one window, so it is
 * dropped then). Each pod counts for itself; the Ingress limits per address in front of all pods.
 */
@ApplicationScoped
public class RateLimits {

    /** A group: its name, its policy as configured (scaled), how it counts, and its buckets. */
    public record Group(String name, long quota, Duration window, boolean byAddress, Cache<String, Bucket> buckets) {

        long windowSeconds() {
            return Math.max(1, window.toSeconds());
        }
    }

    /** One endpoint of a group: method, path template, optional query condition. */
    record Endpoint(String method, String template, String queryName, String queryValue, Group group) {
    }

    /** The outcome of counting one request. */
    public record Outcome(Group group, boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    /** The longest window a group may have: a day (a {@code Retry-After} is never longer). */
    public static final long MAX_WINDOW_SECONDS = 86_400;
    /** The largest quota of a group, after scaling. */
    public static final long MAX_QUOTA = 1_000_000_000L;
    /** What a group's name is made of: it is written into every answer's {@code RateLimit} headers. */
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9-]{1,32}");

    private final boolean enabled;
    private final Group fallback;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Map<Method, String> templates = new ConcurrentHashMap<>();

    public RateLimits(RateLimitConfig config) {
        this.enabled = config.enabled();
        this.fallback = group("default", config.defaults(), false, config);
        config.groups().forEach((name, g) -> {
            Group group = group(name, g, switch (g.key()) {
                case "caller" -> false;
                case "address" -> true;
                default -> throw new IllegalArgumentException("psi.rate-limit.groups." + name + ".key is caller or address, not " + g.key());
            }, config);
            for (String spec : g.endpoints()) {
                endpoints.add(endpoint(spec.strip(), group));
            }
        });
        // the most specific first: with a query condition, then exact paths, then paths with /**
        endpoints.sort(java.util.Comparator.comparingInt(RateLimits::generality));
    }

    private static int generality(Endpoint e) {
        return (e.template().endsWith("/**") ? 4 : 0) + (e.method().equals("*") ? 2 : 0) + (e.queryName() == null ? 1 : 0);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The group of a request to this resource method. */
    public Group groupOf(String method, Method resourceMethod, Function<String, String> queryParam) {
        String template = templates.computeIfAbsent(resourceMethod, RateLimits::template);
        for (Endpoint e : endpoints) {
            boolean path = e.template().endsWith("/**")
                    ? template.startsWith(e.template().substring(0, e.template().length() - 2))
                    : e.template().equals(template);
            if ((e.method().equals("*") || e.method().equals(method)) && path
                    && (e.queryName() == null || e.queryValue().equals(queryParam.apply(e.queryName())))) {
                return e.group();
            }
        }
        return fallback;
    }

    /** Counts one request of {@code key} against {@code group}. */
    public Outcome consume(Group group, String key) {
        Bucket bucket = group.buckets().get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(group.quota()).refillIntervally(group.quota(), group.window()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long reset = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Outcome(group, true, probe.getRemainingTokens(), reset, 0);
        }
        return new Outcome(group, false, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** The endpoints configured, as {@code METHOD template[?name=value]}: for a check against the API. */
    public List<String> configuredEndpoints() {
        return endpoints.stream().map(e -> e.method() + " " + e.template()
                + (e.queryName() == null ? "" : "?" + e.queryName() + "=" + e.queryValue())).toList();
    }

    /** The path template of a resource method: class {@code @Path} and method {@code @Path}, regular expressions left out. */
    static String template(Method m) {
        String base = Optional.ofNullable(m.getDeclaringClass().getAnnotation(Path.class)).map(Path::value).orElse("");
        String sub = Optional.ofNullable(m.getAnnotation(Path.class)).map(Path::value).orElse("");
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}");
    }

    private static Endpoint endpoint(String spec, Group group) {
        String[] parts = spec.split("\\s+", 2);
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("A rate-limited endpoint is \"METHOD /path\": " + spec);
        }
        String path = parts[1];
        String name = null;
        String value = null;
        int q = path.indexOf('?');
        if (q >= 0) {
            String[] cond = path.substring(q + 1).split("=", 2);
            name = cond[0];
            value = cond.length > 1 ? cond[1] : "";
            path = path.substring(0, q);
        }
        return new Endpoint(parts[0].toUpperCase(), path, name, value, group);
    }

    private static Group group(String name, RateLimitConfig.Policy p, boolean byAddress, RateLimitConfig config) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A rate-limit group's name is 1 to 32 of a-z, 0-9 and -: " + name);
        }
        if (p.window().compareTo(Duration.ofSeconds(1)) < 0 || p.window().compareTo(Duration.ofSeconds(MAX_WINDOW_SECONDS)) > 0) {
            throw new IllegalArgumentException("The window of rate-limit group " + name + " is 1s to 1d, not " + p.window());
        }
        long quota = Math.max(1, Math.round(p.limit() * config.scale()));
        if (quota > MAX_QUOTA) {
            throw new IllegalArgumentException("The quota of rate-limit group " + name + " is at most " + MAX_QUOTA + " (scaled), not " + quota);
        }
        Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(config.maxKeys())
                .expireAfterAccess(p.window()).build();
        return new Group(name, quota, p.window(), byAddress, buckets);
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
