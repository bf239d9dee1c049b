package org.psi.enrollment.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psi.common.config.StatisticsConfig;
import org.psi.common.domain.InvalidValueException;
import org.psi.common.domain.Periods;
import org.psi.common.domain.RegionCode;
import org.psi.common.stats.RegionNodes;
import org.psi.common.stats.Snapshot;
import org.psi.common.stats.StatCsv;
import org.psi.common.stats.StatPublication;
import org.psi.common.stats.StatQuery;
import org.psi.common.stats.Suppression;
import org.psi.enrollment.platform.ActivityService;
import org.psi.enrollment.platform.PlatformActivity;
import org.psi.enrollment.platform.PlatformActivityStore;
import org.psi.enrollment.platform.PlatformDtos;
import org.psi.enrollment.stats.InsuredStatisticsStore.CellRow;

/**
 * Coverage: each platform's reported active workers against the insured workers it has consents of,
 * from a snapshot of the insured-worker lattice (a cell of it, withheld as it is there).
 */
@ApplicationScoped
public class CoverageStatistics {

    static final String NOTE = "activeWorkers as the platform reported it for the month and region;"
            + " insuredWorkers: distinct workers covered in the month in that region (a province includes its"
            + " cities) with an active consent of the platform during it. Figures of 1 to threshold-1 persons,"
            + " and insured figures that would let a small cell be worked out, are withheld.";
    /** At least the note's length. */
    static final int NOTE_MAX = 512;

    private final InsuredStatisticsStore stats;
    private final PlatformActivityStore activity;
    private final StatisticsConfig config;

    public CoverageStatistics(InsuredStatisticsStore stats, PlatformActivityStore activity, StatisticsConfig config) {
        this.stats = stats;
        this.activity = activity;
        this.config = config;
    }

    @Schema(name = "CoverageRow", description = "A platform's reported active workers against its insured workers, in one month and region")
    public record Row(
            @Schema(example = "2025-03", pattern = Periods.MONTH_PATTERN) String month,
            @Schema(example = "FASTMEAL", maxLength = PlatformDtos.CODE_MAX) String platform,
            @Schema(example = "530000", maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
            @Schema(example = "1200", nullable = true, minimum = "0", maximum = "" + ActivityService.MAX_ACTIVE_WORKERS) Long activeWorkers,
            boolean activeWorkersSuppressed,
            @Schema(example = "300", nullable = true, minimum = "0") Long insuredWorkers,
            boolean insuredWorkersSuppressed,
            @Schema(example = "25.0", nullable = true, description = "insuredWorkers / activeWorkers in percent, one decimal, when both are published and activeWorkers is not zero") BigDecimal insuredPercent) {
    }

    @Schema(name = "CoverageStatistics")
    public record Answer(Instant asOf, @Schema(example = "2025-01", pattern = Periods.MONTH_PATTERN) String from,
                         @Schema(example = "2025-03", pattern = Periods.MONTH_PATTERN) String to,
                         @Schema(example = "530000", nullable = true, maxLength = RegionCode.LENGTH, pattern = RegionCode.PATTERN) String region,
                         int threshold, @Schema(maxLength = NOTE_MAX) String note,
                         @Schema(maxItems = StatPublication.MAX_CELLS) List<Row> rows) {

        public String csv() {
            List<List<?>> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(Arrays.asList(r.month(), r.platform(), r.region(),
                        StatCsv.figure(r.activeWorkers(), r.activeWorkersSuppressed()),
                        StatCsv.figure(r.insuredWorkers(), r.insuredWorkersSuppressed()), r.insuredPercent()));
            }
            return StatCsv.render(List.of("month", "platform", "region", "activeWorkers", "insuredWorkers", "insuredPercent"), out);
        }
    }

    /**
     * Coverage for the reports in the scope and months of {@code q}: active workers as reported
     * (withheld when 1 to threshold - 1, like any count of persons) against insured workers with an
     * active consent of the platform in the report's region (a cell of the protected lattice).
     */
    public Answer coverage(Snapshot s, StatQuery<StatDimension> q) {
        Map<List<Object>, CellRow> insured = new HashMap<>();
        for (CellRow c : stats.insuredByPlatform(s.id(), q.from(), q.to())) {
            insured.put(List.of(c.month(), c.key().get(0), c.key().get(2)), c);
        }
        Suppression primary = new Suppression(config.threshold());
        String scope = q.scope();
        String prefix = InsuredLattice.ALL.equals(scope) ? "" : scope;
        List<PlatformActivity> reports = activity.inRange(q.from(), q.to(), prefix);
        if (reports.size() > StatPublication.MAX_CELLS) {
            throw new InvalidValueException("month", "TOO_MANY_CELLS", "common.stats.too-many-cells", reports.size(),
                    StatPublication.MAX_CELLS);
        }
        List<Row> rows = new ArrayList<>();
        for (PlatformActivity a : reports) {
            String node = RegionNodes.node(new RegionCode(a.region()));
            CellRow cell = insured.get(List.of(a.month(), node, a.platformCode()));
            boolean activeSuppressed = primary.isPrimary(a.activeWorkers());
            boolean insuredSuppressed = cell != null && cell.suppressed();
            Long active = activeSuppressed ? null : (long) a.activeWorkers();
            Long persons = a.month().isAfter(s.throughMonth()) || insuredSuppressed ? null : cell == null ? 0L : cell.persons();
            BigDecimal percent = active == null || persons == null || active == 0 ? null
                    : BigDecimal.valueOf(persons * 100).divide(BigDecimal.valueOf(active), 1, RoundingMode.HALF_UP);
            rows.add(new Row(a.month().toString(), a.platformCode(), a.region(), active, activeSuppressed, persons,
                    insuredSuppressed, percent));
        }
        return new Answer(s.takenAt(), q.from().toString(), q.to().toString(),
                InsuredLattice.ALL.equals(scope) ? null : RegionNodes.code(scope), s.threshold(), NOTE, rows);
    }
}
