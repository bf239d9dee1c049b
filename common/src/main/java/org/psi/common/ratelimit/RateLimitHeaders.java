package org.psi.common.ratelimit;

/**
 * The header fields of IETF draft-ietf-httpapi-ratelimit-headers (structured fields): the policy
 * a request counts against, {@code RateLimit-Policy: "registration";q=10;w=3600}, and what is
 * left of it, {@code RateLimit: "registration";r=7;t=2400} (remaining requests, seconds until the
 * quota is whole again); on a 429 also {@code Retry-After} (seconds until one more is accepted).
 */
public final class RateLimitHeaders {

    public static final String RATE_LIMIT = "RateLimit";
    public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    public static final String RETRY_AFTER = "Retry-After";

    private RateLimitHeaders() {
    }

    static String policy(String name, long quota, long windowSeconds) {
        return "\"" + name + "\";q=" + quota + ";w=" + windowSeconds;
    }

    static String remaining(String name, long remaining, long resetSeconds) {
        return "\"" + name + "\";r=" + remaining + ";t=" + resetSeconds;
    }
}
