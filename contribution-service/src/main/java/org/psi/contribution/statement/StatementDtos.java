package org.psi.contribution.statement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;
import org.psi.contribution.assessment.AssessmentStore;
import org.psi.contribution.assessment.MonthAssessment;
import org.psi.contribution.ledger.Payers;
import org.psi.contribution.policy.PolicyDtos;
import org.psi.contribution.policy.PolicyService;

/** Bodies of /api/workers/me/statement. */
public final class StatementDtos {

    /** The most months of a statement: from its first to its last month, at most {@link StatementService#MAX_MONTHS} apart. */
    public static final int MONTHS_MAX = StatementService.MAX_MONTHS + 1;

    private StatementDtos() {
    }

    @Schema(name = "StatementPayer")
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record Payer(@Schema(example = "FASTMEAL", description = "A platform code, or SELF", maxLength = Payers.DISPLAY_MAX) String payer,
                        @Schema(example = "PLATFORM", enumeration = {"PLATFORM", "WORKER"}) String payerType,
                        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "30000", description = "What this payer paid toward the month, net of reversals and refunds") long amountFen,
                        @Schema(example = "0", description = "What a re-assessment downwards moved from this payer's payments to its refundable credit (退费); absent when 0") long refundedFen) {
    }

    @Schema(name = "StatementAssessment", description = "How the month was assessed (核定) when it opened, or re-assessed since")
    public record Assessment(@Schema(example = "100", nullable = true, description = "The base grade in percent; absent for months assessed from the due recorded before assessments existed",
                                     minimum = "1", maximum = "" + PolicyService.MAX_BASE_PERCENT) Integer baseGrade,
                             @Schema(example = "20") BigDecimal ratePercent,
                             @Schema(example = "8", description = "Points of the rate that go to the individual account") BigDecimal individualPercent,
                             @Schema(example = "440000", description = "The region whose policy priced the month (a city without its own policy uses its province's)",
                                     maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String policyRegion,
                             @Schema(example = "2026", minimum = "" + PolicyService.MIN_YEAR, maximum = "" + PolicyService.MAX_YEAR) int policyYear,
                             @Schema(example = "1", minimum = "1", maximum = "" + PolicyService.MAX_VERSIONS) int policyVersion,
                             @Schema(example = "1", description = "1 when assessed, +1 per re-assessment", minimum = "1") int revision,
                             Instant assessedAt) {
        static Assessment of(MonthAssessment a) {
            return a == null ? null : new Assessment(a.grade(), PolicyDtos.plain(a.ratePercent()), PolicyDtos.plain(a.individualPercent()),
                    a.policyRegion(), a.policyYear(), a.policyVersion(), a.revision(), a.assessedAt());
        }
    }

    @Schema(name = "StatementAdjustment", description = "A re-assessment (补差) of the month: the old and the new figures")
    public record Adjustment(UUID reassessmentId, @Schema(example = "936000") long oldBaseFen, @Schema(example = "1000000") long newBaseFen,
                             @Schema(example = "187200") long oldDueFen, @Schema(example = "200000") long newDueFen,
                             @Schema(minimum = "1", maximum = "" + PolicyService.MAX_VERSIONS) int oldPolicyVersion, @Schema(minimum = "1", maximum = "" + PolicyService.MAX_VERSIONS) int newPolicyVersion,
                             @Schema(example = "0", description = "What the new due left paid beyond it, moved to the payers' refundable credit") long refundedFen,
                             Instant at) {
        static Adjustment of(AssessmentStore.Adjustment a) {
            return new Adjustment(a.reassessmentId(), a.oldBaseFen(), a.newBaseFen(), a.oldDueFen(), a.newDueFen(),
                    a.oldPolicyVersion(), a.newPolicyVersion(), a.refundedFen(), a.at());
        }
    }

    @Schema(name = "StatementMonth")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Month(@Schema(example = "2026-11") YearMonth month, @Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
                        @Schema(example = "936000", nullable = true) Long baseFen,
                        @Schema(example = "187200", nullable = true) Long dueFen,
                        @Schema(example = "187200") long paidFen, @Schema(maxItems = Payers.MAX_OF_A_MONTH) List<Payer> payers,
                        @Schema(example = "PAID", enumeration = {"PAID", "PARTIAL", "UNPAID"}) String status,
                        @Schema(description = "OCCUPATIONAL_INJURY: days with orders this month", minimum = "0", maximum = "31") Integer coveredDays,
                        @Schema(description = "true for a month that has not opened yet: its base and due are priced by today's policy and not assessed") Boolean provisional,
                        @Schema(description = "PENSION, MEDICAL: the month's assessment; absent for a month not assessed (not yet open, or its region had no policy)") Assessment assessment,
                        @Schema(description = "Re-assessments of the month, oldest first; the status follows the latest due",
                                maxItems = PolicyService.MAX_VERSIONS) List<Adjustment> adjustments,
                        @Schema(example = "0", description = "What payers paid beyond the due after a re-assessment downwards, held as their refundable credit; never in the individual account") Long refundableFen) {
        static Month of(ContributionHistory.Month m, boolean injury) {
            return new Month(m.month(), m.region(), m.baseFen(), m.dueFen(), m.paidFen(),
                    m.payers().stream().map(p -> new Payer(Payers.display(p.source()), Payers.type(p.source()), p.amountFen(),
                            p.refundedFen())).toList(),
                    m.status().name(), injury ? m.coveredDays() : null, m.provisional() ? Boolean.TRUE : null,
                    Assessment.of(m.assessment()),
                    m.adjustments().isEmpty() ? null : m.adjustments().stream().map(Adjustment::of).toList(),
                    m.refundableFen() == 0 ? null : m.refundableFen());
        }
    }

    @Schema(name = "RegionMonths")
    public record RegionMonths(@Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
                               @Schema(example = "12", minimum = "0", maximum = "" + MONTHS_MAX) int months) {
    }

    @Schema(name = "RegionBalance")
    public record RegionBalance(@Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region, @Schema(example = "74880") long balanceFen) {
    }

    @Schema(name = "PlatformDays")
    public record PlatformDays(@Schema(example = "FASTMEAL", maxLength = Payers.DISPLAY_MAX) String platform,
                               @Schema(example = "21", minimum = "0", maximum = "" + (MONTHS_MAX * 31)) int days) {
    }

    @Schema(name = "StatementTotals")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Totals(@Schema(description = "Sum of the due of the months shown, provisional months left out") long dueFen,
                         long paidFen, @Schema(minimum = "0", maximum = "" + MONTHS_MAX) Integer countedMonths,
                         @Schema(maxItems = PoolingRegions.MAX_REGIONS) List<RegionMonths> countedMonthsByRegion,
                         @Schema(description = "The worker's individual account balance now, all regions") Long individualAccountFen,
                         @Schema(maxItems = PoolingRegions.MAX_REGIONS) List<RegionBalance> individualAccounts,
                         @Schema(description = "OCCUPATIONAL_INJURY: covered days per platform", maxItems = Payers.MAX_PLATFORMS)
                         List<PlatformDays> coveredDaysByPlatform,
                         @Schema(example = "0", description = "PENSION, MEDICAL: refundable credit of the payers over the months shown") Long refundableFen) {
    }

    @Schema(name = "Statement")
    public record Statement(UUID workerId, @Schema(example = "PENSION", maxLength = Scheme.NAME_MAX) String scheme, @Schema(example = "2026-01") YearMonth from,
                            @Schema(example = "2026-11") YearMonth to, @Schema(maxItems = MONTHS_MAX) List<Month> months, Totals totals) {
        /** The statement as the JSON of this answer type. */
        static byte[] json(StatementService.Statement s, ObjectMapper mapper) {
            try {
                return mapper.writeValueAsBytes(of(s));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A statement could not be written as JSON", e);
            }
        }

        static Statement of(StatementService.Statement s) {
            boolean injury = !s.scheme().isMonthly();
            Totals totals = new Totals(s.dueFen(), s.paidFen(),
                    injury ? null : s.countedMonths(),
                    injury ? null : s.countedByRegion().entrySet().stream().map(e -> new RegionMonths(e.getKey(), e.getValue())).toList(),
                    injury ? null : s.individualAccountFen(),
                    injury ? null : s.individualAccounts().entrySet().stream().map(e -> new RegionBalance(e.getKey(), e.getValue())).toList(),
                    injury ? s.coveredDaysByPlatform().entrySet().stream().map(e -> new PlatformDays(e.getKey(), e.getValue())).toList() : null,
                    injury ? null : s.refundableFen());
            return new Statement(s.worker().workerId(), s.scheme().name(), s.from(), s.to(),
                    s.months().stream().map(m -> Month.of(m, injury)).toList(), totals);
        }
    }
}
