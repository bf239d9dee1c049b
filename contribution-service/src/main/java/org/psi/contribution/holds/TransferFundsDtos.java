package org.psi.contribution.holds;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.domain.PoolingRegions;
import org.psi.common.domain.RegionCode;
import org.psi.common.domain.Scheme;

/** Bodies of the internal API for the transfer-service (docs/INTERNAL-API.md). */
public final class TransferFundsDtos {

    private TransferFundsDtos() {
    }

    @Schema(name = "RegionMonthCount")
    public record RegionMonths(@Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region, @Schema(example = "24", minimum = "0") int months) {
    }

    @Schema(name = "TransferQuote")
    public record Quote(UUID workerId, @Schema(example = "PENSION", maxLength = Scheme.NAME_MAX) String scheme,
                        @Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String fromRegion,
                        @Schema(example = "179712", description = "The whole individual account balance in fromRegion") long individualAccountFen,
                        @Schema(example = "269568", description = "PENSION: 12% of the base of each counted month in fromRegion not moved before; MEDICAL: 0") long pooledFundFen,
                        @Schema(example = "24", description = "Counted months in fromRegion that move", minimum = "0") int months,
                        @Schema(maxItems = PoolingRegions.MAX_REGIONS) List<RegionMonths> countedMonthsByRegion) {
        static Quote of(HoldService.Quote q) {
            return new Quote(q.workerId(), q.scheme().name(), q.fromRegion(), q.individualAccountFen(), q.pooledFundFen(),
                    q.months(), q.countedMonthsByRegion().entrySet().stream()
                            .map(e -> new RegionMonths(e.getKey(), e.getValue())).toList());
        }
    }

    @Schema(name = "TransferHoldRequest")
    public record HoldRequest(@NotNull UUID workerId,
                              @NotNull @Schema(example = "PENSION", enumeration = {"PENSION", "MEDICAL"}) String scheme,
                              @NotNull @Schema(example = "440000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String fromRegion,
                              @NotNull @Schema(example = "310000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String toRegion) {
    }

    @Schema(name = "TransferHold", description = "HELD and RELEASED show the held amounts; COMMITTED what the commit moved")
    public record Hold(UUID transferId, @Schema(enumeration = {"HELD", "COMMITTED", "RELEASED"}) String status,
                       @Schema(nullable = true, description = "Absent when the transfer was released before it held anything") UUID workerId,
                       @Schema(nullable = true, maxLength = Scheme.NAME_MAX) String scheme, @Schema(nullable = true, maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String fromRegion,
                       @Schema(nullable = true, maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String toRegion,
                       long individualAccountFen, long pooledFundFen, @Schema(minimum = "0") int months) {
        static Hold of(TransferHold h) {
            boolean committed = h.status == TransferHold.Status.COMMITTED;
            return new Hold(h.transferId, h.status.name(), h.workerId, h.scheme == null ? null : h.scheme.name(), h.fromRegion, h.toRegion,
                    committed ? h.committedIndividualFen : h.heldIndividualFen,
                    committed ? h.committedPooledFen : h.heldPooledFen,
                    committed ? h.committedMonths : h.heldMonths);
        }

        /** A transfer released before it held anything: nothing is held for it. */
        static Hold released(UUID transferId) {
            return new Hold(transferId, TransferHold.Status.RELEASED.name(), null, null, null, null, 0, 0, 0);
        }
    }
}
