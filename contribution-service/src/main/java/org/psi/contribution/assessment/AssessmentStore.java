package org.psi.contribution.assessment;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.psi.common.domain.Scheme;
import org.psi.common.store.Jdbc;

/** The assessed months ({@code month_assessment}) and their adjustments, through JDBC, in the caller's transaction. */
@ApplicationScoped
public class AssessmentStore {

    private static final String COLUMNS = "worker_id, scheme, month, region, base_grade, base_fen, rate_percent,"
            + " individual_percent, due_fen, policy_region, policy_year, policy_version, revision, assessed_at";

    private final Jdbc jdbc;

    public AssessmentStore(AgroalDataSource db) {
        this.jdbc = new Jdbc(db);
    }

    /** A worker's assessed months of a scheme, by month. */
    public TreeMap<YearMonth, MonthAssessment> ofWorker(UUID workerId, Scheme scheme) {
        return jdbc.one(ofWorkerQuery(workerId, scheme));
    }

    public static Jdbc.Query<TreeMap<YearMonth, MonthAssessment>> ofWorkerQuery(UUID workerId, Scheme scheme) {
        return Jdbc.Query.of("select " + COLUMNS + " from month_assessment where worker_id = ? and scheme = ?", new TreeMap<>(),
                (rs, out) -> {
                    MonthAssessment a = read(rs);
                    out.put(a.month(), a);
                }, workerId, scheme.name());
    }

    public java.util.Optional<MonthAssessment> find(MonthAssessment.Key key) {
        return java.util.Optional.ofNullable(ofWorker(key.workerId(), key.scheme()).get(key.month()));
    }

    /** The months of a worker that are assessed already (any scheme). */
    public Set<MonthAssessment.Key> keysOf(UUID workerId) {
        Set<MonthAssessment.Key> out = new HashSet<>();
        jdbc.query("select scheme, month from month_assessment where worker_id = ?", s -> s.setObject(1, workerId),
                rs -> out.add(new MonthAssessment.Key(workerId, Scheme.valueOf(rs.getString(1)), YearMonth.parse(rs.getString(2)))));
        return out;
    }

    /** Writes new assessments; a month assessed meanwhile (by another instance) keeps its first assessment. */
    public int insertMissing(Collection<MonthAssessment> assessments) {
        if (assessments.isEmpty()) {
            return 0;
        }
        int[] n = {0};
        jdbc.batch("insert into month_assessment (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing", assessments, (s, a) -> {
                    bind(s, a);
                    n[0]++;
                });
        return n[0];
    }

    /**
     * Locks these months' assessments (FOR UPDATE, in key order, so that concurrent payers of
     * overlapping months never deadlock) and answers them: payers of one month then decide one
     * after the other against what the others paid.
     */
    public Map<MonthAssessment.Key, MonthAssessment> lock(Collection<MonthAssessment.Key> keys) {
        Map<MonthAssessment.Key, MonthAssessment> out = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        List<MonthAssessment.Key> sorted = new ArrayList<>(new TreeSet<>(keys));
        jdbc.query("select " + COLUMNS + " from month_assessment a"
                + " join unnest(?::uuid[], ?::varchar[], ?::varchar[]) k(w, s, m) on a.worker_id = k.w and a.scheme = k.s and a.month = k.m"
                + " order by a.worker_id, a.scheme, a.month for update of a", s -> {
                    s.setArray(1, s.getConnection().createArrayOf("uuid", sorted.stream().map(MonthAssessment.Key::workerId).toArray()));
                    s.setArray(2, s.getConnection().createArrayOf("varchar", sorted.stream().map(k -> k.scheme().name()).toArray()));
                    s.setArray(3, s.getConnection().createArrayOf("varchar", sorted.stream().map(k -> k.month().toString()).toArray()));
                }, rs -> {
                    MonthAssessment a = read(rs);
                    out.put(a.key(), a);
                });
        return out;
    }

    /** The assessments priced from a region's policy of a year, locked for a re-assessment. */
    public List<MonthAssessment> lockOfPolicy(String policyRegion, int year) {
        List<MonthAssessment> out = new ArrayList<>();
        jdbc.query("select " + COLUMNS + " from month_assessment where policy_region = ? and policy_year = ?"
                + " order by worker_id, scheme, month for update", s -> {
                    s.setString(1, policyRegion);
                    s.setInt(2, year);
                }, rs -> out.add(read(rs)));
        return out;
    }

    /** Replaces an assessment by its re-assessment (the adjustment is recorded by the caller). */
    public void replace(MonthAssessment a) {
        jdbc.update("update month_assessment set region = ?, base_grade = ?, base_fen = ?, rate_percent = ?,"
                + " individual_percent = ?, due_fen = ?, policy_region = ?, policy_year = ?, policy_version = ?,"
                + " revision = ?, assessed_at = ? where worker_id = ? and scheme = ? and month = ?", s -> {
                    s.setString(1, a.region());
                    s.setObject(2, a.grade());
                    s.setLong(3, a.baseFen());
                    s.setBigDecimal(4, a.ratePercent());
                    s.setBigDecimal(5, a.individualPercent());
                    s.setLong(6, a.dueFen());
                    s.setString(7, a.policyRegion());
                    s.setInt(8, a.policyYear());
                    s.setInt(9, a.policyVersion());
                    s.setInt(10, a.revision());
                    s.setTimestamp(11, Timestamp.from(a.assessedAt()));
                    s.setObject(12, a.workerId());
                    s.setString(13, a.scheme().name());
                    s.setString(14, a.month().toString());
                });
    }

    /** An adjustment of one month by a re-assessment: the old and new figures, and what went to refundable credit. */
    public record Adjustment(UUID reassessmentId, YearMonth month, String region, long oldBaseFen, long newBaseFen,
                             long oldDueFen, long newDueFen, int oldPolicyVersion, int newPolicyVersion, long refundedFen,
                             Instant at) {
    }

    public void insertAdjustments(UUID workerId, Scheme scheme, List<Adjustment> adjustments) {
        jdbc.batch("insert into assessment_adjustment (reassessment_id, worker_id, scheme, month, region, old_base_fen,"
                + " new_base_fen, old_due_fen, new_due_fen, old_policy_version, new_policy_version, refunded_fen, adjusted_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", adjustments, (s, a) -> {
                    s.setObject(1, a.reassessmentId());
                    s.setObject(2, workerId);
                    s.setString(3, scheme.name());
                    s.setString(4, a.month().toString());
                    s.setString(5, a.region());
                    s.setLong(6, a.oldBaseFen());
                    s.setLong(7, a.newBaseFen());
                    s.setLong(8, a.oldDueFen());
                    s.setLong(9, a.newDueFen());
                    s.setInt(10, a.oldPolicyVersion());
                    s.setInt(11, a.newPolicyVersion());
                    s.setLong(12, a.refundedFen());
                    s.setTimestamp(13, Timestamp.from(a.at()));
                });
    }

    /** A worker's adjustments of a scheme, by month, oldest first. */
    public Map<YearMonth, List<Adjustment>> adjustmentsOf(UUID workerId, Scheme scheme) {
        return jdbc.one(adjustmentsQuery(workerId, scheme));
    }

    public static Jdbc.Query<Map<YearMonth, List<Adjustment>>> adjustmentsQuery(UUID workerId, Scheme scheme) {
        return Jdbc.Query.of("select reassessment_id, month, region, old_base_fen, new_base_fen, old_due_fen, new_due_fen,"
                + " old_policy_version, new_policy_version, refunded_fen, adjusted_at from assessment_adjustment"
                + " where worker_id = ? and scheme = ? order by adjusted_at", new TreeMap<>(), (rs, out) -> {
                    YearMonth m = YearMonth.parse(rs.getString(2));
                    out.computeIfAbsent(m, k -> new ArrayList<>()).add(new Adjustment(rs.getObject(1, UUID.class), m,
                            rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getInt(8),
                            rs.getInt(9), rs.getLong(10), rs.getTimestamp(11).toInstant()));
                }, workerId, scheme.name());
    }

    private static void bind(PreparedStatement s, MonthAssessment a) throws SQLException {
        s.setObject(1, a.workerId());
        s.setString(2, a.scheme().name());
        s.setString(3, a.month().toString());
        s.setString(4, a.region());
        s.setObject(5, a.grade());
        s.setLong(6, a.baseFen());
        s.setBigDecimal(7, a.ratePercent());
        s.setBigDecimal(8, a.individualPercent());
        s.setLong(9, a.dueFen());
        s.setString(10, a.policyRegion());
        s.setInt(11, a.policyYear());
        s.setInt(12, a.policyVersion());
        s.setInt(13, a.revision());
        s.setTimestamp(14, Timestamp.from(a.assessedAt()));
    }

    private static MonthAssessment read(ResultSet rs) throws SQLException {
        int grade = rs.getInt(5);
        Integer g = rs.wasNull() ? null : grade;
        return new MonthAssessment(rs.getObject(1, UUID.class), Scheme.valueOf(rs.getString(2)),
                YearMonth.parse(rs.getString(3)), rs.getString(4), g, rs.getLong(6), rs.getBigDecimal(7),
                rs.getBigDecimal(8), rs.getLong(9), rs.getString(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
                rs.getTimestamp(14).toInstant());
    }
}
