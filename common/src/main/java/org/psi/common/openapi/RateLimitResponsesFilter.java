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
import org.psi.common.api.Problem;
import org.psi.common.ratelimit.RateLimitHeaders;

/**
 * Every operation may answer 429 (every endpoint has a rate limit, see
 * {@link org.psi.common.ratelimit.RateLimitFilter}): the response, its problem body and its
 * headers ({@code Retry-After}, {@code RateLimit}, {@code RateLimit-Policy}) go into the OpenAPI
 * document of every operation that does not describe a 429 itself.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class RateLimitResponsesFilter implements OASFilter {

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
                if (!op.getResponses().hasAPIResponse("429")) {
                    op.getResponses().addAPIResponse("429", tooManyRequests());
                }
            }
        }
    }

    static APIResponse tooManyRequests() {
        return OASFactory.createAPIResponse()
                .description("Too many requests from this caller (or address) for this group of endpoints: wait Retry-After seconds")
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))))
                .addHeader("Retry-After", header("Seconds until a request of this group is accepted again", Schema.SchemaType.INTEGER))
                .addHeader(RateLimitHeaders.RATE_LIMIT, header(
                        "The caller's quota left in the policy's window (IETF draft-ietf-httpapi-ratelimit-headers): \"group\";r=remaining;t=seconds until reset",
                        Schema.SchemaType.STRING))
                .addHeader(RateLimitHeaders.RATE_LIMIT_POLICY, header(
                        "The policy: \"group\";q=quota;w=window in seconds", Schema.SchemaType.STRING));
    }

    private static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(type));
    }
}
