package org.psi.contribution.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.contribution.domain.ContributionHistory;
import org.psi.contribution.domain.Payers;
import org.psi.contribution.domain.PaymentService;
import org.psi.contribution.domain.StatementService;

/** Bodies of /api/workers/me/payments and /api/workers/me/statement. */
public final class WorkerDtos {

    private WorkerDtos() {
    }

    @Schema(name = "SelfPaymentRequest")
    public record PaymentRequest(
            @NotNull @Schema(example = "PENSION", enumeration = {"PENSION", "MEDICAL"}) String scheme,
            @NotNull @Schema(example = "2026-11", description = "The month paid toward (YYYY-MM), begun already") String month,
            @NotNull @Schema(example = "42000", description = "Fen, at most what is still due for the month") Long amountFen,
            @NotBlank @Size(max = 128) @Schema(example = "ALIPAY-2026112600012345", description = "The payment's own reference, unique per worker") String paymentRef) {
    }

    @Schema(name = "SelfPayment")
    public record Payment(String paymentRef, @Schema(example = "PENSION") String scheme, @Schema(example = "2026-11") YearMonth month,
                          @Schema(example = "440000") String region, @Schema(example = "42000") long amountFen,
                          @Schema(example = "16800", description = "To the individual account") long individualAccountFen,
                          @Schema(example = "25200", description = "To the region's pooled fund") long pooledFundFen,
                          @Schema(example = "187200") Long monthDueFen, @Schema(example = "187200") long monthPaidFen,
                          @Schema(example = "PAID", enumeration = {"PAID", "PARTIAL", "UNPAID"}) String monthStatus,
                          Instant postedAt) {
        static Payment of(PaymentService.Payment p) {
            return new Payment(p.paymentRef(), p.scheme().name(), p.month(), p.region(), p.amountFen(), p.individualFen(),
                    p.pooledFen(), p.dueFen(), p.paidFen(), p.monthStatus().name(), p.postedAt());
        }
    }

    @Schema(name = "StatementPayer")
    public record Payer(@Schema(example = "FASTMEAL", description = "A platform code, or SELF") String payer,
                        @Schema(example = "PLATFORM", enumeration = {"PLATFORM", "WORKER"}) String payerType,
                        @Schema(example = "30000") long amountFen) {
    }

    @Schema(name = "StatementMonth")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Month(@Schema(example = "2026-11") YearMonth month, @Schema(example = "440000") String region,
                        @Schema(example = "936000", nullable = true) Long baseFen,
                        @Schema(example = "187200", nullable = true) Long dueFen,
                        @Schema(example = "187200") long paidFen, List<Payer> payers,
                        @Schema(example = "PAID", enumeration = {"PAID", "PARTIAL", "UNPAID"}) String status,
                        @Schema(description = "OCCUPATIONAL_INJURY: days with orders this month") Integer coveredDays) {
        static Month of(ContributionHistory.Month m, boolean injury) {
            return new Month(m.month(), m.region(), m.baseFen(), m.dueFen(), m.paidFen(),
                    m.payers().stream().map(p -> new Payer(Payers.display(p.source()), Payers.type(p.source()), p.amountFen())).toList(),
                    m.status().name(), injury ? m.coveredDays() : null);
        }
    }

    @Schema(name = "RegionMonths")
    public record RegionMonths(@Schema(example = "440000") String region, @Schema(example = "12") int months) {
    }

    @Schema(name = "RegionBalance")
    public record RegionBalance(@Schema(example = "440000") String region, @Schema(example = "74880") long balanceFen) {
    }

    @Schema(name = "PlatformDays")
    public record PlatformDays(@Schema(example = "FASTMEAL") String platform, @Schema(example = "21") int days) {
    }

    @Schema(name = "StatementTotals")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Totals(long dueFen, long paidFen, Integer countedMonths, List<RegionMonths> countedMonthsByRegion,
                         @Schema(description = "The worker's individual account balance now, all regions") Long individualAccountFen,
                         List<RegionBalance> individualAccounts,
                         @Schema(description = "OCCUPATIONAL_INJURY: covered days per platform") List<PlatformDays> coveredDaysByPlatform) {
    }

    @Schema(name = "Statement")
    public record Statement(UUID workerId, @Schema(example = "PENSION") String scheme, @Schema(example = "2026-01") YearMonth from,
                            @Schema(example = "2026-11") YearMonth to, List<Month> months, Totals totals) {
        static Statement of(StatementService.Statement s) {
            boolean injury = !s.scheme().isMonthly();
            Totals totals = new Totals(s.dueFen(), s.paidFen(),
                    injury ? null : s.countedMonths(),
                    injury ? null : s.countedByRegion().entrySet().stream().map(e -> new RegionMonths(e.getKey(), e.getValue())).toList(),
                    injury ? null : s.individualAccountFen(),
                    injury ? null : s.individualAccounts().entrySet().stream().map(e -> new RegionBalance(e.getKey(), e.getValue())).toList(),
                    injury ? s.coveredDaysByPlatform().entrySet().stream().map(e -> new PlatformDays(e.getKey(), e.getValue())).toList() : null);
            return new Statement(s.worker().workerId(), s.scheme().name(), s.from(), s.to(),
                    s.months().stream().map(m -> Month.of(m, injury)).toList(), totals);
        }
    }
}
