package org.psi.transfer.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.psi.common.domain.Scheme;
import org.psi.common.domain.Sex;

/**
 * Bodies of the internal calls (docs/INTERNAL-API.md). Unknown fields are ignored, so the other
 * services may add fields without breaking this one.
 */
public final class ClientDtos {

    private ClientDtos() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EnrollmentRecord(UUID enrollmentId, Scheme scheme, String region, String status,
                                   YearMonth startMonth, YearMonth endMonth) {
    }

    public record MoveRequest(UUID workerId, Scheme scheme, String toRegion, String mode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MoveResponse(UUID transferId, EnrollmentRecord closed, EnrollmentRecord opened) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RegionMonths(String region, int months) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QuoteResponse(UUID workerId, Scheme scheme, String fromRegion, long individualAccountFen,
                                long pooledFundFen, int months, List<RegionMonths> countedMonthsByRegion) {
    }

    public record HoldRequest(UUID workerId, Scheme scheme, String fromRegion, String toRegion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HoldResponse(UUID transferId, String status, Long individualAccountFen, Long pooledFundFen, Integer months) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PensionRecordMonth(YearMonth month, String region, long baseFen, long averageWageFen) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PensionRecordClaimWage(String region, int year, long averageMonthlyWageFen) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PensionRecordResponse(UUID workerId, Integer currentGrade, long individualAccountFen,
                                        List<PensionRecordMonth> countedMonths, List<PensionRecordClaimWage> claimWages) {
    }
}
