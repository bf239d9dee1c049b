package org.psi.contribution.statement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.contribution.ledger.Payers;

/** Bodies of /api/workers/me/statement. */
public final class StatementDtos {

    private StatementDtos() {
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
