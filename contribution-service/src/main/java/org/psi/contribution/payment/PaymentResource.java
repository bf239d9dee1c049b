package org.psi.contribution.payment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psi.common.api.Problem;
import org.psi.common.security.Caller;
import org.psi.common.security.Roles;
import org.psi.contribution.feed.Idempotency;
import org.psi.contribution.payment.PaymentDtos.Payment;
import org.psi.contribution.payment.PaymentDtos.PaymentRequest;

@Path("/api/workers/me/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.WORKER)
@Tag(name = "Self-payments", description = "A worker pays toward a month for themselves")
public class PaymentResource {

    private final PaymentService payments;
    private final Caller caller;

    public PaymentResource(PaymentService payments, Caller caller) {
        this.payments = payments;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Pay toward a month", description = "PENSION or MEDICAL, for a month that has begun and that an enrollment of the caller covered; at most what is still due for it (the statement shows due and paid). A pension payment splits 8/20 to the individual account and 12/20 to the region's pooled fund. Idempotent by the Idempotency-Key (same key, same body: the first response again; another body: 422) and by paymentRef (the same payment again: 200 with it; another payment under a used paymentRef: 409).")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, required = true, example = "pay-7f3a9c", description = "1 to 255 characters, scoped to the worker",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = Idempotency.MAX_LENGTH))
    @APIResponse(responseCode = "201", description = "Posted (or, with Idempotent-Replayed: true, posted before)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Payment.class)))
    @APIResponse(responseCode = "200", description = "This paymentRef was posted before with the same content; nothing new", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Payment.class)))
    @APIResponse(responseCode = "400", description = "Missing key or field, unknown scheme, OCCUPATIONAL_INJURY, bad or future month, amount out of bounds", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The caller is not registered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The paymentRef was used for another payment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Key reused with another body, not enrolled that month, no policy, or more than is still due", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The enrollment-service could not be asked; nothing posted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pay(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull PaymentRequest body) {
        String key = Idempotency.require(idempotencyKey);
        PaymentService.Outcome outcome = payments.pay(caller.subject(), key,
                new PaymentService.PaymentRequest(body.scheme(), body.month(), body.amountFen(), body.paymentRef()));
        Response.ResponseBuilder response = Response.status(outcome.status()).entity(Payment.of(outcome.payment()));
        if (outcome.replayed()) {
            response.header(Idempotency.REPLAYED, "true");
        }
        return response.build();
    }
}
