package org.psi.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.psi.common.api.Problem;
import org.psi.common.ratelimit.RateLimitHeaders;
import org.psi.common.ratelimit.RateLimits;

/**
 * The responses every operation shares, written once here instead of on each resource method, into
 * every operation that does not describe its own:
 * <ul>
 * <li>401 for an operation that needs a token (it has a security requirement): none, expired,
 * tampered, of another issuer or audience, or not an access token;</li>
 * <li>403 for one that needs a role (the roles of its requirement), naming the roles;</li>
 * <li>400 for one with a path parameter, 406 for one that answers a body, 413 and 415 for one that takes one;</li>
 * <li>429 for every one (every endpoint has a rate limit, see
 * {@link org.psi.common.ratelimit.RateLimitFilter}), with its {@code Retry-After}, {@code RateLimit}
 * and {@code RateLimit-Policy} headers.</li>
 * </ul>
 * All of them carry the problem+json body. Every other 2xx and 4xx response gets the
 * {@code RateLimit} and {@code RateLimit-Policy} headers that the answer of a counted request
 * carries; a 401, 403, 406 or 413 does not, as it can be answered before its request is counted
 * (the token, the role, the media type or the body's size refused first). Runs after the filters
 * that describe operations of their own (the statistics), so that their responses get the same.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = SharedResponsesFilter.AFTER_OPERATIONS)
public class SharedResponsesFilter implements OASFilter {

    /** Below the default priority of a filter (Quarkus runs the highest first), above {@link BoundsFilter}. */
    static final int AFTER_OPERATIONS = -100;
    /** The responses that can be answered before their request is counted: no rate-limit headers. */
    static final Set<String> UNCOUNTED = Set.of("401", "403", "406", "413");
    /** Group names are short ({@link org.psi.common.ratelimit.RateLimits}); a header value is at most this long. */
    static final int RATE_LIMIT_HEADER_MAX = 64;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                if (op.getResponses() == null) {
                    op.setResponses(OASFactory.createAPIResponses());
                }
                List<String> roles = roles(op, openAPI);
                if (roles != null && undescribed(op, "401")) {
                    op.getResponses().addAPIResponse("401", problem("No valid access token: none, expired, altered, "
                            + "of another issuer or audience, or not an access token"));
                }
                if (roles != null && !roles.isEmpty() && undescribed(op, "403")) {
                    op.getResponses().addAPIResponse("403", problem("The token has none of the roles this needs: "
                            + String.join(", ", roles)));
                }
                if (hasPathParameter(op, item) && !op.getResponses().hasAPIResponse("400")) {
                    op.getResponses().addAPIResponse("400", problem("A value in the path that is not valid (an id that is not a UUID, a malformed code)"));
                }
                if (op.getRequestBody() != null && !op.getResponses().hasAPIResponse("413")) {
                    op.getResponses().addAPIResponse("413", problem("A body larger than this operation takes"));
                }
                if (op.getRequestBody() != null && !op.getResponses().hasAPIResponse("415")) {
                    op.getResponses().addAPIResponse("415", problem("A Content-Type this operation does not take"));
                }
                if (answersContent(op) && !op.getResponses().hasAPIResponse("406")) {
                    op.getResponses().addAPIResponse("406", problem("None of the media types the Accept header names is one this operation answers"));
                }
                // every refusal of PSI carries a problem: a 4xx described without a body gets the problem body
                op.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (status.startsWith("4") && response.getContent() == null && response.getRef() == null) {
                        response.setContent(problem(response.getDescription()).getContent());
                    }
                });
                if (!op.getResponses().hasAPIResponse("429")) {
                    op.getResponses().addAPIResponse("429", tooManyRequests());
                }
                op.getResponses().getAPIResponses().forEach((status, response) -> {
                    if ((status.startsWith("2") || status.startsWith("4")) && !UNCOUNTED.contains(status) && response.getRef() == null) {
                        addRateLimitHeaders(response);
                    }
                });
            }
        }
    }

    /** The roles of the operation's security requirement ({@code []} for any signed-in caller); null if it needs no token. */
    private static List<String> roles(Operation op, OpenAPI openAPI) {
        List<SecurityRequirement> requirements = op.getSecurity() != null ? op.getSecurity() : openAPI.getSecurity();
        if (requirements == null || requirements.isEmpty() || requirements.stream().allMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty())) {
            return null;
        }
        Set<String> roles = new TreeSet<>();
        requirements.forEach(r -> r.getSchemes().values().forEach(scopes -> {
            if (scopes != null) {
                roles.addAll(scopes);
            }
        }));
        return List.copyOf(roles);
    }

    private static boolean hasPathParameter(Operation op, PathItem item) {
        return java.util.stream.Stream.concat(
                        op.getParameters() == null ? java.util.stream.Stream.empty() : op.getParameters().stream(),
                        item.getParameters() == null ? java.util.stream.Stream.empty() : item.getParameters().stream())
                .anyMatch(p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH);
    }

    private static boolean answersContent(Operation op) {
        return op.getResponses().getAPIResponses().entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("2") && e.getValue().getContent() != null
                        && e.getValue().getContent().getMediaTypes() != null && !e.getValue().getContent().getMediaTypes().isEmpty());
    }

    /** No response of this status, or only the bare one SmallRye adds to a secured operation (no body). */
    private static boolean undescribed(Operation op, String status) {
        APIResponse r = op.getResponses().getAPIResponse(status);
        return r == null || r.getContent() == null && r.getRef() == null;
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))));
    }

    static APIResponse tooManyRequests() {
        APIResponse r = OASFactory.createAPIResponse()
                .description("Too many requests from this caller (or address) for this group of endpoints: wait Retry-After seconds")
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))))
                .addHeader(RateLimitHeaders.RETRY_AFTER, OASFactory.createHeader()
                        .description("Seconds until a request of this group is accepted again (at most the group's window, a day at the most)")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                                .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(RateLimits.MAX_WINDOW_SECONDS))));
        addRateLimitHeaders(r);
        return r;
    }

    /** {@code RateLimit} and {@code RateLimit-Policy}, unless the response describes them already. */
    private static void addRateLimitHeaders(APIResponse r) {
        if (r.getHeaders() == null || !r.getHeaders().containsKey(RateLimitHeaders.RATE_LIMIT)) {
            r.addHeader(RateLimitHeaders.RATE_LIMIT, header(
                    "The caller's quota left in the policy's window (IETF draft-ietf-httpapi-ratelimit-headers): \"group\";r=remaining;t=seconds until reset",
                    "^\"[a-z0-9-]+\";r=[0-9]+;t=[0-9]+$"));
        }
        if (!r.getHeaders().containsKey(RateLimitHeaders.RATE_LIMIT_POLICY)) {
            r.addHeader(RateLimitHeaders.RATE_LIMIT_POLICY, header(
                    "The policy: \"group\";q=quota;w=window in seconds", "^\"[a-z0-9-]+\";q=[0-9]+;w=[0-9]+$"));
        }
    }

    private static Header header(String description, String pattern) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .pattern(pattern).maxLength(RATE_LIMIT_HEADER_MAX));
    }
}
