package org.psi.contribution.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.psi.common.api.Problem;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.contribution.insured.InsuredDirectory;
import org.psi.contribution.webhook.WebhookDtos.Delivery;
import org.psi.contribution.webhook.WebhookDtos.View;

@Path("/api/platforms/me/webhook")
@RolesAllowed(Roles.PLATFORM)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "A platform is told when its batches complete and when a worker's consent changes")
public class WebhookResource {

    private final WebhookService webhooks;
    private final InsuredDirectory directory;
    private final Caller caller;

    public WebhookResource(WebhookService webhooks, InsuredDirectory directory, Caller caller) {
        this.webhooks = webhooks;
        this.directory = directory;
        this.caller = caller;
    }

    private String platform() {
        return directory.platformOf(caller.clientId()).code();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "subscribeWebhook", summary = "Subscribe to events, or change the subscription",
            description = "Deliveries are CloudEvents 1.0 JSON signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature), retried with exponential backoff for 24 h. The secret is shown once: in the answer that created the subscription (201). The URL must be https to a public address outside the local and test profiles.")
    @APIResponse(responseCode = "201", description = "Subscribed; the answer shows the signing secret", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "200", description = "Changed; the secret stays as it was", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "No body, a bad or refused URL (not https, a private, loopback or link-local address), no or unknown event types", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<View> subscribe(WebhookDtos.Request request) {
        WebhookService.Subscribed s = webhooks.subscribe(platform(), request);
        return RestResponse.status(s.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, s.view());
    }

    @GET
    @Operation(operationId = "myWebhook", summary = "My subscription (without its secret)")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "404", description = "No subscription", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public View get() {
        return webhooks.view(platform());
    }

    @POST
    @Path("/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "A new signing secret", description = "Both secrets sign every delivery for 24 h (two signatures in webhook-signature); then only the new one.")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "404", description = "No subscription", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public View rotate() {
        return webhooks.rotate(platform());
    }

    @GET
    @Path("/deliveries")
    @Operation(operationId = "myWebhookDeliveries", summary = "Recent deliveries, newest first", description = "The newest 100: the event id, its type, attempts, the last status, the next retry.")
    @APIResponse(responseCode = "200", description = "The deliveries", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Delivery.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, maxItems = WebhookService.LOG_SIZE)))
    public List<Delivery> deliveries() {
        return webhooks.deliveries(platform());
    }
}
