package org.psi.transfer.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.stats.RegionNodes;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.StatCsv;
import org.psi.transfer.calendar.Step;
import org.psi.transfer.stats.TransferStatistics.PublishedStep;
import org.psi.transfer.stats.TransferStatisticsStore.CellRow;

/** Response bodies of /api/statistics and their CSV form. */
public final class TransferStatisticsDtos {

    private TransferStatisticsDtos() {
    }

    static final String NOTE = "Transfer cases by the month they were submitted (Asia/Shanghai), with their status and"
            + " steps as of asOf: figures of recent months change as cases progress. A case counts OUT of its source"
            + " region and IN to its destination region (region: the pooling region on that side, a province for"
            + " PENSION, a city for MEDICAL); without direction in groupBy a region counts the cases in or out of it"
            + " once. transfers counts cases; cells are withheld by the number of distinct workers (a worker has at"
            + " most one open case per scheme, so the two differ only for a worker with a cancelled, refused or failed"
            + " case and a new one in the same month, or with cases of both schemes). A cell of 1 to threshold-1"
            + " workers, and any cell that would let one be worked out from the others (in this or any other query),"
            + " is withheld: transfers null, suppressed true, and its steps withheld too. Cells not listed count zero."
            + " Steps: REVIEW (accepted or refused by the destination), TRANSFER_OUT (released by the source),"
            + " TRANSFER_IN (completed); medianDays in working days from the day the step started to the day it was"
            + " done (the unit of its deadline); withinDeadlineShare = steps done by their due day / steps done that"
            + " had a deadline (null: none had one, e.g. a MEDICAL review). A step's figures are withheld when fewer"
            + " than threshold steps are done in the cell.";

    @Schema(name = "TransferStepFigures", description = "One step of the cases of a cell")
    public record StepStat(
            @Schema(example = "REVIEW") Step step,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "6.5", nullable = true, description = "Median working days taken; null when withheld or none done") BigDecimal medianDays,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "0.917", nullable = true, description = "Steps done by their due day / steps done with a deadline, 3 decimals; null when withheld or none had a deadline") BigDecimal withinDeadlineShare,
            @Schema(example = "false", description = "true when the figures are withheld") boolean withheld) {

        static List<StepStat> of(List<PublishedStep> steps) {
            return steps.stream().map(s -> new StepStat(s.step(), s.medianDays(), s.withinDeadlineShare(), s.withheld())).toList();
        }
    }

    @Schema(name = "TransferCell", description = "Transfer cases for one combination of the grouped dimensions in one month; only the grouped dimensions are present")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(
            @Schema(example = "2026-03") String month,
            @Schema(example = "530100", description = "The pooling region on the side of direction: a province for PENSION, a city for MEDICAL") String region,
            @Schema(example = "530000") String province,
            @Schema(example = "IN", enumeration = {"IN", "OUT"}) String direction,
            @Schema(example = "PENSION") String scheme,
            @Schema(example = "COMPLETED") String status,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "127", nullable = true, description = "Cases; null when withheld") Long transfers,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "false") boolean suppressed,
            List<StepStat> steps) {
    }

    @Schema(name = "TransferTotal", description = "All transfer cases of the scope in one month")
    public record Total(@Schema(example = "2026-03") String month,
                        @Schema(example = "4210", nullable = true) Long transfers,
                        @Schema(example = "false") boolean suppressed,
                        List<StepStat> steps) {
    }

    @Schema(name = "TransferStatistics")
    public record Transfers(
            @Schema(description = "When these figures were computed; changes after it show at the next refresh") Instant asOf,
            @Schema(example = "2026-01") String from,
            @Schema(example = "2026-03") String to,
            @Schema(example = "530000", nullable = true, description = "The region the figures cover (a province with its cities, or a city); null for the whole country") String region,
            @Schema(example = "[\"region\", \"direction\"]") List<String> groupBy,
            @Schema(example = "10", description = "The smallest count published, apart from zero") int threshold,
            @Schema(example = "[\"direction\"]", description = "Grouped dimensions under which one case may count more than once") List<String> multiValued,
            @Schema(description = "Whether each month's cells add up to its total") boolean additive,
            String note,
            List<Cell> cells,
            List<Total> totals) {

        static Transfers of(TransferStatistics.Result r) {
            List<TransferStatDimension> groupBy = r.query().groupBy();
            int threshold = r.snapshot().threshold();
            List<String> multi = new ArrayList<>();
            for (TransferStatDimension d : groupBy) {
                boolean overlapping = switch (d) {
                    case DIRECTION -> true;
                    case REGION, PROVINCE -> !groupBy.contains(TransferStatDimension.DIRECTION);
                    case SCHEME, STATUS -> false;
                };
                if (overlapping) {
                    multi.add(d.apiName());
                }
            }
            List<Cell> cells = r.cells().stream().map(c -> cell(c, groupBy, threshold)).toList();
            List<Total> totals = new ArrayList<>();
            for (CellRow t : r.totals()) {
                totals.add(new Total(t.month().toString(), t.suppressed() ? null : t.figures().cases(), t.suppressed(),
                        StepStat.of(TransferStatistics.publish(t.figures(), t.suppressed(), threshold))));
            }
            // months the snapshot covers but without a case: a published zero
            for (YearMonth m : r.query().months()) {
                if (!m.isAfter(r.snapshot().throughMonth()) && totals.stream().noneMatch(t -> t.month().equals(m.toString()))) {
                    totals.add(new Total(m.toString(), 0L, false, TransferCube.STEPS.stream()
                            .map(s -> new StepStat(s, null, null, false)).toList()));
                }
            }
            totals.sort((a, b) -> a.month().compareTo(b.month()));
            String scope = r.query().scope();
            return new Transfers(r.snapshot().takenAt(), r.query().from().toString(), r.query().to().toString(),
                    TransferLattice.ALL.equals(scope) ? null : RegionNodes.code(scope),
                    groupBy.stream().map(TransferStatDimension::apiName).toList(), threshold, multi, multi.isEmpty(),
                    NOTE, cells, totals);
        }

        private static Cell cell(CellRow c, List<TransferStatDimension> groupBy, int threshold) {
            List<String> k = c.key();
            return new Cell(c.month().toString(),
                    groupBy.contains(TransferStatDimension.REGION) ? k.get(0) : null,
                    groupBy.contains(TransferStatDimension.PROVINCE) ? RegionNodes.code(k.get(0)) : null,
                    groupBy.contains(TransferStatDimension.DIRECTION) ? k.get(1) : null,
                    groupBy.contains(TransferStatDimension.SCHEME) ? k.get(2) : null,
                    groupBy.contains(TransferStatDimension.STATUS) ? k.get(3) : null,
                    c.suppressed() ? null : c.figures().cases(), c.suppressed(),
                    StepStat.of(TransferStatistics.publish(c.figures(), c.suppressed(), threshold)));
        }

        /**
         * month, the grouped dimensions, transfers, then per step its median days and within-deadline
         * share; per month its cells, then its total (TOTAL in every dimension column).
         */
        String csv() {
            List<String> header = new ArrayList<>();
            header.add("month");
            header.addAll(groupBy);
            header.add("transfers");
            for (String step : List.of("review", "transferOut", "transferIn")) {
                header.add(step + "MedianDays");
                header.add(step + "WithinDeadlineShare");
            }
            List<List<?>> rows = new ArrayList<>();
            for (Total t : totals) {
                for (Cell c : cells) {
                    if (c.month().equals(t.month())) {
                        List<Object> row = new ArrayList<>();
                        row.add(c.month());
                        for (String d : groupBy) {
                            row.add(switch (d) {
                                case "region" -> c.region();
                                case "province" -> c.province();
                                case "direction" -> c.direction();
                                case "scheme" -> c.scheme();
                                default -> c.status();
                            });
                        }
                        figures(row, c.transfers(), c.suppressed(), c.steps());
                        rows.add(row);
                    }
                }
                List<Object> total = new ArrayList<>();
                total.add(t.month());
                groupBy.forEach(d -> total.add(StatCsv.TOTAL));
                figures(total, t.transfers(), t.suppressed(), t.steps());
                rows.add(total);
            }
            return StatCsv.render(header, rows);
        }

        private static void figures(List<Object> row, Long transfers, boolean suppressed, List<StepStat> steps) {
            row.add(StatCsv.figure(transfers, suppressed));
            for (StepStat s : steps) {
                row.add(s.withheld() ? StatCsv.Marker.SUPPRESSED : s.medianDays());
                row.add(s.withheld() ? StatCsv.Marker.SUPPRESSED : s.withinDeadlineShare());
            }
        }
    }

    @Schema(name = "TransferStatisticsRefresh")
    public record Refreshed(Instant asOf, @Schema(example = "2026-05") String throughMonth, int cells, int suppressed,
                            @Schema(description = "false when a group of withheld cells was too large for the exact-recovery audit (the line rule still applies)") boolean fullyAudited) {
        static Refreshed of(Snapshot s) {
            return new Refreshed(s.takenAt(), s.throughMonth().toString(), s.cells(), s.suppressed(), s.fullyAudited());
        }
    }
}
