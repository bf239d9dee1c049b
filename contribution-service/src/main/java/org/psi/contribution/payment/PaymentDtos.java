package org.psi.contribution.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.domain.Periods;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.contribution.config.ContributionConfig;
import org.psi.contribution.feed.FeedLines;

/** Bodies of /api/workers/me/payments. */
public final class PaymentDtos {

    private PaymentDtos() {
    }

    @Schema(name = "SelfPaymentRequest")
    public record PaymentRequest(
            @NotNull @Schema(example = "PENSION", enumeration = {"PENSION", "MEDICAL"}) String scheme,
            @NotNull @Schema(example = "2026-11", description = "The month paid toward (YYYY-MM), begun already", pattern = Periods.MONTH_PATTERN) String month,
            @NotNull @Schema(example = "42000", description = "Fen, at most what is still due for the month",
                    minimum = "1", maximum = "" + ContributionConfig.MAX_AMOUNT_FEN) Long amountFen,
            @NotBlank @Size(max = FeedLines.MAX_REF_LENGTH) @Schema(example = "ALIPAY-2026112600012345", description = "The payment's own reference, unique per worker") String paymentRef) {
    }

    @Schema(name = "SelfPayment")
    public record Payment(@Schema(maxLength = FeedLines.MAX_REF_LENGTH) String paymentRef,
                          @Schema(example = "PENSION", maxLength = Scheme.NAME_MAX) String scheme, @Schema(example = "2026-11") YearMonth month,
                          @Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
                          @Schema(example = "42000", minimum = "0", maximum = "" + ContributionConfig.MAX_AMOUNT_FEN) long amountFen,
                          @Schema(example = "16800", description = "To the individual account", minimum = "0",
                                  maximum = "" + ContributionConfig.MAX_AMOUNT_FEN) long individualAccountFen,
                          @Schema(example = "25200", description = "To the region's pooled fund", minimum = "0",
                                  maximum = "" + ContributionConfig.MAX_AMOUNT_FEN) long pooledFundFen,
                          @Schema(example = "187200") Long monthDueFen, @Schema(example = "187200") long monthPaidFen,
                          @Schema(example = "PAID", enumeration = {"PAID", "PARTIAL", "UNPAID"}) String monthStatus,
                          @Schema(nullable = true, description = "When the payment was posted (null when nothing was posted)") Instant postedAt) {
        static Payment of(PaymentService.Payment p) {
            return new Payment(p.paymentRef(), p.scheme().name(), p.month(), p.region(), p.amountFen(), p.individualFen(),
                    p.pooledFen(), p.dueFen(), p.paidFen(), p.monthStatus().name(), p.postedAt());
        }
    }
}
