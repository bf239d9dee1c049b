package org.psi.contribution.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.stats.RegionNodes;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.StatCsv;
import org.psi.contribution.stats.ContributionStatisticsStore.CellRow;

/** Response bodies of /api/statistics and their CSV form. */
public final class StatisticsDtos {

    private StatisticsDtos() {
    }

    static final String NOTE = "Contributions toward the months asked for (the month paid for, not the day it was paid),"
            + " net of reversals; transfers of funds between regions are not contributions and are left out."
            + " persons: distinct workers with a payment toward the month; amountFen: what was paid, in fen;"
            + " countedMonths: worker-months of PENSION and MEDICAL paid in full (what all payers paid reaches the"
            + " month's due, as on the worker's statement; occupational injury has no counted months)."
            + " A cell of 1 to threshold-1 workers, and any cell that would let one be worked out from the others"
            + " (in this or any other query), is withheld: all its figures null, suppressed true. Cells not listed"
            + " count zero. Region is the region the month was booked in, the pooling region of the enrollment that"
            + " covered it (PENSION and OCCUPATIONAL_INJURY pool in the province, MEDICAL in the city; a late"
            + " contribution stays in the region that covered the month). A worker counts under every scheme and"
            + " every payer of the month, and without scheme in groupBy under each scheme's region: persons and"
            + " countedMonths along multiValued dimensions add up to more than the total; amountFen always adds up."
            + " platform null with payerKind SELF is the workers' own payments.";

    @Schema(name = "ContributionCell", description = "Contributions for one combination of the grouped dimensions in one month; only the grouped dimensions are present")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cell(
            @Schema(example = "2025-03") String month,
            @Schema(example = "530100", description = "The region the month was booked in: a province for PENSION and OCCUPATIONAL_INJURY, a city for MEDICAL") String region,
            @Schema(example = "530000") String province,
            @Schema(example = "PENSION") String scheme,
            @Schema(example = "FASTMEAL", description = "The paying platform; absent for the workers' own payments (payerKind SELF)") String platform,
            @Schema(example = "PLATFORM", enumeration = {"PLATFORM", "SELF"}) String payerKind,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "127", nullable = true, description = "Distinct workers; null when withheld") Long persons,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "25400000", nullable = true, description = "Paid, in fen, net of reversals; null when withheld") Long amountFen,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "120", nullable = true, description = "Worker-months paid in full; null when withheld") Long countedMonths,
            @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(example = "false") boolean suppressed) {
    }

    @Schema(name = "ContributionTotal", description = "All contributions of the scope in one month")
    public record Total(@Schema(example = "2025-03") String month,
                        @Schema(example = "4210", nullable = true) Long persons,
                        @Schema(example = "842000000", nullable = true) Long amountFen,
                        @Schema(example = "4100", nullable = true) Long countedMonths,
                        @Schema(example = "false") boolean suppressed) {
    }

    @Schema(name = "ContributionStatistics")
    public record Contributions(
            @Schema(description = "When these figures were computed; postings after it show at the next refresh") Instant asOf,
            @Schema(example = "2025-01") String from,
            @Schema(example = "2025-03") String to,
            @Schema(example = "530000", nullable = true, description = "The region the figures cover (a province with its cities, or a city); null for the whole country") String region,
            @Schema(example = "[\"region\", \"payerKind\"]", description = "The grouping, as asked; platform brings payerKind with it") List<String> groupBy,
            @Schema(example = "10", description = "The smallest count of persons published, apart from zero") int threshold,
            @Schema(example = "[\"payerKind\"]", description = "Grouped dimensions under which one worker may count more than once") List<String> multiValued,
            @Schema(description = "Whether each month's persons and countedMonths add up to its total (amountFen always does)") boolean additive,
            String note,
            List<Cell> cells,
            List<Total> totals) {

        static Contributions of(ContributionStatistics.Result r) {
            List<StatDimension> groupBy = r.query().groupBy();
            List<String> multi = new ArrayList<>();
            for (StatDimension d : groupBy) {
                boolean overlapping = switch (d) {
                    case SCHEME, PLATFORM, PAYER_KIND -> true;
                    case REGION, PROVINCE -> !groupBy.contains(StatDimension.SCHEME);
                };
                if (overlapping) {
                    multi.add(d.apiName());
                }
            }
            List<Cell> cells = r.cells().stream().map(c -> cell(c, groupBy)).toList();
            List<Total> totals = new ArrayList<>();
            for (CellRow t : r.totals()) {
                totals.add(new Total(t.month().toString(), figure(t.persons(), t), figure(t.amountFen(), t),
                        figure(t.countedMonths(), t), t.suppressed()));
            }
            // months the snapshot covers but where nothing was paid: a published zero
            for (YearMonth m : r.query().months()) {
                if (!m.isAfter(r.snapshot().throughMonth()) && totals.stream().noneMatch(t -> t.month().equals(m.toString()))) {
                    totals.add(new Total(m.toString(), 0L, 0L, 0L, false));
                }
            }
            totals.sort((a, b) -> a.month().compareTo(b.month()));
            String scope = r.query().scope();
            return new Contributions(r.snapshot().takenAt(), r.query().from().toString(), r.query().to().toString(),
                    ContributionLattice.ALL.equals(scope) ? null : RegionNodes.code(scope),
                    groupBy.stream().map(StatDimension::apiName).toList(), r.snapshot().threshold(), multi,
                    multi.isEmpty(), NOTE, cells, totals);
        }

        private static Long figure(long value, CellRow c) {
            return c.suppressed() ? null : value;
        }

        private static Cell cell(CellRow c, List<StatDimension> groupBy) {
            List<String> k = c.key();
            return new Cell(c.month().toString(),
                    groupBy.contains(StatDimension.REGION) ? k.get(0) : null,
                    groupBy.contains(StatDimension.PROVINCE) ? RegionNodes.code(k.get(0)) : null,
                    groupBy.contains(StatDimension.SCHEME) ? k.get(1) : null,
                    groupBy.contains(StatDimension.PLATFORM) ? ContributionLattice.platformOf(k.get(2)) : null,
                    groupBy.contains(StatDimension.PAYER_KIND) ? ContributionLattice.kindOf(k.get(2)) : null,
                    figure(c.persons(), c), figure(c.amountFen(), c), figure(c.countedMonths(), c), c.suppressed());
        }

        /**
         * month, the grouped dimensions, persons, amountFen, countedMonths; per month its cells, then its
         * total (TOTAL in every dimension column). The workers' own payments have an empty platform.
         */
        String csv() {
            List<String> header = new ArrayList<>();
            header.add("month");
            header.addAll(groupBy);
            header.addAll(List.of("persons", "amountFen", "countedMonths"));
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
                                default -> c.payerKind();
                            });
                        }
                        row.add(StatCsv.figure(c.persons(), c.suppressed()));
                        row.add(StatCsv.figure(c.amountFen(), c.suppressed()));
                        row.add(StatCsv.figure(c.countedMonths(), c.suppressed()));
                        rows.add(row);
                    }
                }
                List<Object> total = new ArrayList<>();
                total.add(t.month());
                groupBy.forEach(d -> total.add(StatCsv.TOTAL));
                total.add(StatCsv.figure(t.persons(), t.suppressed()));
                total.add(StatCsv.figure(t.amountFen(), t.suppressed()));
                total.add(StatCsv.figure(t.countedMonths(), t.suppressed()));
                rows.add(total);
            }
            return StatCsv.render(header, rows);
        }
    }

    @Schema(name = "ContributionStatisticsRefresh")
    public record Refreshed(Instant asOf, @Schema(example = "2026-05") String throughMonth, int cells, int suppressed,
                            @Schema(description = "false when a group of withheld cells was too large for the exact-recovery audit (the line rule still applies)") boolean fullyAudited,
                            @Schema(example = "5400", description = "How long the computation took, in milliseconds") long tookMillis) {
        static Refreshed of(Snapshot s) {
            return new Refreshed(s.takenAt(), s.throughMonth().toString(), s.cells(), s.suppressed(), s.fullyAudited(),
                    s.tookMillis());
        }
    }
}
