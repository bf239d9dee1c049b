package org.psi.contribution.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.psi.common.store.Jdbc;

/** Every version of every policy ({@code region_policy_version}, insert-only), through JDBC. */
@ApplicationScoped
public class PolicyVersionStore {

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public PolicyVersionStore(AgroalDataSource db, ObjectMapper json) {
        this.jdbc = new Jdbc(db);
        this.json = json;
    }

    /** One version of a policy, with when it took effect and who set it. */
    public record Version(int version, long averageMonthlyWageFen, int baseFloorPercent, int baseCeilingPercent,
                          BigDecimal pensionRatePercent, BigDecimal pensionIndividualPercent, BigDecimal medicalRatePercent,
                          BigDecimal medicalIndividualPercent, Map<String, Long> injuryFeePerOrderFen, boolean illustrative,
                          String setBy, Instant effectiveAt) {
    }

    public void insert(RegionPolicy p) {
        String fees;
        try {
            fees = json.writeValueAsString(p.injuryFeePerOrderFen);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.update("""
                insert into region_policy_version (region, year, version, average_monthly_wage_fen, base_floor_percent,
                    base_ceiling_percent, pension_rate_percent, pension_individual_percent, medical_rate_percent,
                    medical_individual_percent, injury_fee_per_order_fen, illustrative, set_by, effective_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""", s -> {
            s.setString(1, p.id.region);
            s.setInt(2, p.id.year);
            s.setInt(3, p.version);
            s.setLong(4, p.averageMonthlyWageFen);
            s.setInt(5, p.baseFloorPercent);
            s.setInt(6, p.baseCeilingPercent);
            s.setBigDecimal(7, p.pensionRatePercent);
            s.setBigDecimal(8, p.pensionIndividualPercent);
            s.setBigDecimal(9, p.medicalRatePercent);
            s.setBigDecimal(10, p.medicalIndividualPercent);
            s.setString(11, fees);
            s.setBoolean(12, p.illustrative);
            s.setString(13, p.updatedBy);
            s.setTimestamp(14, Timestamp.from(p.updatedAt));
        });
    }

    /** The versions of a policy, newest first. */
    public List<Version> of(String region, int year) {
        List<Version> out = new ArrayList<>();
        jdbc.query("""
                select version, average_monthly_wage_fen, base_floor_percent, base_ceiling_percent, pension_rate_percent,
                       pension_individual_percent, medical_rate_percent, medical_individual_percent,
                       injury_fee_per_order_fen::text, illustrative, set_by, effective_at
                  from region_policy_version where region = ? and year = ? order by version desc""", s -> {
            s.setString(1, region);
            s.setInt(2, year);
        }, rs -> {
            Map<String, Long> fees;
            try {
                Map<String, Number> raw = json.readValue(rs.getString(9), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Number>>() {
                });
                fees = new TreeMap<>();
                for (Map.Entry<String, Number> e : raw.entrySet()) {
                    fees.put(e.getKey(), e.getValue().longValue());
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            out.add(new Version(rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getBigDecimal(5),
                    rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), fees, rs.getBoolean(10),
                    rs.getString(11), rs.getTimestamp(12).toInstant()));
        });
        return out;
    }
}
