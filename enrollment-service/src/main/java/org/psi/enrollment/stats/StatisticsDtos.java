package org.psi.enrollment.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.stats.RegionNodes;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.StatCsv;
import org.psi.enrollment.stats.InsuredStatisticsStore.CellRow;

/** Response bodies of /api/statistics and their CSV form. */
public final class StatisticsDtos {

    private StatisticsDtos() {
    }

    static final String INSURED_NOTE = "Counts of distinct insured workers (covered by an enrollment in the month)."
            + " A cell counting 1 to threshold-1 workers, and any cell that would let one be worked out from the"
            + " others (in this or any other query), is withheld: persons null, suppressed true. Cells not listed"
            + " count zero. A worker counts under every platform they had an active consent with during the month"
            + " and every scheme they were covered by, and, without scheme in groupBy, under each scheme's pooling"
            + " region: cells along multiValued dimensions add up to more than the total. Region is the pooling"
            + " region of the enrollment: PENSION and OCCUPATIONAL_INJURY pool in the province, MEDICAL in the city,"
            + " so a city's figures are its MEDICAL enrollments. Ages are on the last day of the month.";

    static final String COVERAGE_NOTE = "activeWorkers as the platform reported it for the month and region;"
            + " insuredWorkers: distinct workers covered in the month in that region (a province includes its"
            + " cities) with an active consent of the platform during it. Figures of 1 to threshold-1 persons,"
            + " and insured figures that would let a small cell be worked out, are withheld.";

    @Schema(name = "InsuredWorkerCell", description = "Insured workers for one combination of the grouped dimensions in one month; only the grouped dimensions are present")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(
            @Schema(example = "2025-03") String month,
            @Schema(example = "530100", description = "The pooling region: a province for PENSION and OCCUPATIONAL_INJURY, a city for MEDICAL") String region,
            @Schema(example = "530000") String province,
            @Schema(example = "MEDICAL") String scheme,
            @Schema(example = "FASTMEAL") String platform,
            @Schema(example = "FEMALE") String sex,
            @Schema(example = "25-34", enumeration = {"16-24", "25-34", "35-44", "45-54", "55+"}) String ageBand,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "127", nullable = true, description = "null when withheld") Long persons,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "false") boolean suppressed) {
    }

    @Schema(name = "InsuredWorkerTotal", description = "All insured workers of the scope in one month")
    public record Total(@Schema(example = "2025-03") String month,
                        @Schema(example = "4210", nullable = true) Long persons,
                        @Schema(example = "false") boolean suppressed) {
    }

    @Schema(name = "InsuredWorkerStatistics")
    public record Insured(
            @Schema(description = "When these figures were computed; changes after it show at the next refresh") Instant asOf,
            @Schema(example = "2025-01") String from,
            @Schema(example = "2025-03") String to,
            @Schema(example = "530000", nullable = true, description = "The region the figures cover (a province with its cities, or a city); null for the whole country") String region,
            @Schema(example = "[\"region\", \"sex\"]") List<String> groupBy,
            @Schema(example = "10", description = "The smallest count published, apart from zero") int threshold,
            @Schema(example = "[\"platform\"]", description = "Grouped dimensions under which one worker may count more than once") List<String> multiValued,
            @Schema(description = "Whether each month's cells add up to its total") boolean additive,
            String note,
            List<Cell> cells,
            List<Total> totals) {

        static Insured of(InsuredStatistics.Result r) {
            List<StatDimension> groupBy = r.query().groupBy();
            List<String> multi = new ArrayList<>();
            for (StatDimension d : groupBy) {
                boolean overlapping = switch (d) {
                    case SCHEME, PLATFORM -> true;
                    case REGION, PROVINCE -> !groupBy.contains(StatDimension.SCHEME);
                    case SEX, AGE_BAND -> false;
                };
                if (overlapping) {
                    multi.add(d.apiName());
                }
            }
            List<Cell> cells = r.cells().stream().map(c -> cell(c, groupBy)).toList();
            List<Total> totals = new ArrayList<>();
            for (CellRow t : r.totals()) {
                totals.add(new Total(t.month().toString(), t.suppressed() ? null : (long) t.persons(), t.suppressed()));
            }
            // months the snapshot covers but where no one was insured: a published zero
            for (YearMonth m : r.query().months()) {
                if (!m.isAfter(r.snapshot().throughMonth()) && totals.stream().noneMatch(t -> t.month().equals(m.toString()))) {
                    totals.add(new Total(m.toString(), 0L, false));
                }
            }
            totals.sort((a, b) -> a.month().compareTo(b.month()));
            String scope = r.query().scope();
            return new Insured(r.snapshot().takenAt(), r.query().from().toString(), r.query().to().toString(),
                    InsuredLattice.ALL.equals(scope) ? null : RegionNodes.code(scope),
                    groupBy.stream().map(StatDimension::apiName).toList(), r.snapshot().threshold(), multi,
                    multi.isEmpty(), INSURED_NOTE, cells, totals);
        }

        private static Cell cell(CellRow c, List<StatDimension> groupBy) {
            List<String> k = c.key();
            return new Cell(c.month().toString(),
                    groupBy.contains(StatDimension.REGION) ? k.get(0) : null,
                    groupBy.contains(StatDimension.PROVINCE) ? RegionNodes.code(k.get(0)) : null,
                    groupBy.contains(StatDimension.SCHEME) ? k.get(1) : null,
                    groupBy.contains(StatDimension.PLATFORM) ? k.get(2) : null,
                    groupBy.contains(StatDimension.SEX) ? k.get(3) : null,
                    groupBy.contains(StatDimension.AGE_BAND) ? k.get(4) : null,
                    c.suppressed() ? null : (long) c.persons(), c.suppressed());
        }

        /** month, the grouped dimensions, persons; per month its cells, then its total (TOTAL in every dimension column). */
        String csv() {
            List<String> header = new ArrayList<>();
            header.add("month");
            header.addAll(groupBy);
            header.add("persons");
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
                                case "scheme" -> c.scheme();
                                case "platform" -> c.platform();
                                case "sex" -> c.sex();
                                default -> c.ageBand();
                            });
                        }
                        row.add(StatCsv.figure(c.persons(), c.suppressed()));
                        rows.add(row);
                    }
                }
                List<Object> total = new ArrayList<>();
                total.add(t.month());
                groupBy.forEach(d -> total.add(StatCsv.TOTAL));
                total.add(StatCsv.figure(t.persons(), t.suppressed()));
                rows.add(total);
            }
            return StatCsv.render(header, rows);
        }
    }

    @Schema(name = "CoverageRow", description = "A platform's reported active workers against its insured workers, in one month and region")
    public record CoverageRow(
            @Schema(example = "2025-03") String month,
            @Schema(example = "FASTMEAL") String platform,
            @Schema(example = "530000") String region,
            @Schema(example = "1200", nullable = true) Long activeWorkers,
            boolean activeWorkersSuppressed,
            @Schema(example = "300", nullable = true) Long insuredWorkers,
            boolean insuredWorkersSuppressed,
            @Schema(example = "25.0", nullable = true, description = "insuredWorkers / activeWorkers in percent, one decimal, when both are published and activeWorkers is not zero") BigDecimal insuredPercent) {
    }

    @Schema(name = "CoverageStatistics")
    public record Coverage(Instant asOf, @Schema(example = "2025-01") String from, @Schema(example = "2025-03") String to,
                           @Schema(example = "530000", nullable = true) String region, int threshold, String note,
                           List<CoverageRow> rows) {

        static Coverage of(InsuredStatistics.Coverage c, YearMonth from, YearMonth to, String scope) {
            List<CoverageRow> rows = c.rows().stream().map(r -> {
                Long active = r.activeSuppressed() ? null : (long) r.activeWorkers();
                Long insured = r.insuredSuppressed() || r.insuredWorkers() == null ? null : (long) r.insuredWorkers();
                BigDecimal percent = active == null || insured == null || active == 0 ? null
                        : BigDecimal.valueOf(insured * 100).divide(BigDecimal.valueOf(active), 1, RoundingMode.HALF_UP);
                return new CoverageRow(r.month().toString(), r.platformCode(), r.region(), active, r.activeSuppressed(),
                        insured, r.insuredSuppressed(), percent);
            }).toList();
            return new Coverage(c.snapshot().takenAt(), from.toString(), to.toString(),
                    InsuredLattice.ALL.equals(scope) ? null : RegionNodes.code(scope), c.snapshot().threshold(),
                    COVERAGE_NOTE, rows);
        }

        String csv() {
            List<List<?>> out = new ArrayList<>();
            for (CoverageRow r : rows) {
                out.add(Arrays.asList(r.month(), r.platform(), r.region(),
                        StatCsv.figure(r.activeWorkers(), r.activeWorkersSuppressed()),
                        StatCsv.figure(r.insuredWorkers(), r.insuredWorkersSuppressed()), r.insuredPercent()));
            }
            return StatCsv.render(List.of("month", "platform", "region", "activeWorkers", "insuredWorkers", "insuredPercent"), out);
        }
    }

    @Schema(name = "StatisticsRefresh")
    public record Refreshed(Instant asOf, @Schema(example = "2026-05") String throughMonth, int cells, int suppressed,
                            @Schema(description = "false when a group of withheld cells was too large for the exact-recovery audit (the line rule still applies)") boolean fullyAudited) {
        static Refreshed of(Snapshot s) {
            return new Refreshed(s.takenAt(), s.throughMonth().toString(), s.cells(), s.suppressed(), s.fullyAudited());
        }
    }
}
