package org.psi.contribution.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.psi.common.domain.Sector;

/** The stored policy of a region for a year (see {@link PolicyTerms} for what it means). */
@Entity
@Table(name = "region_policy")
public class RegionPolicy extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        public String region;
        public int year;

        public Key() {
        }

        public Key(String region, int year) {
            this.region = region;
            this.year = year;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.year == year && Objects.equals(k.region, region);
        }

        @Override
        public int hashCode() {
            return Objects.hash(region, year);
        }
    }

    @EmbeddedId
    public Key id;
    @Column(name = "average_monthly_wage_fen")
    public long averageMonthlyWageFen;
    @Column(name = "base_floor_percent")
    public int baseFloorPercent;
    @Column(name = "base_ceiling_percent")
    public int baseCeilingPercent;
    @Column(name = "pension_rate_percent", precision = 5, scale = 2)
    public BigDecimal pensionRatePercent;
    @Column(name = "pension_individual_percent", precision = 5, scale = 2)
    public BigDecimal pensionIndividualPercent;
    @Column(name = "medical_rate_percent", precision = 5, scale = 2)
    public BigDecimal medicalRatePercent;
    @Column(name = "medical_individual_percent", precision = 5, scale = 2)
    public BigDecimal medicalIndividualPercent;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "injury_fee_per_order_fen")
    public Map<String, Number> injuryFeePerOrderFen;
    public boolean illustrative;
    public int version;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public PolicyTerms terms() {
        Map<Sector, Long> fees = new EnumMap<>(Sector.class);
        injuryFeePerOrderFen.forEach((sector, fee) -> {
            try {
                fees.put(Sector.valueOf(sector), fee.longValue());
            } catch (IllegalArgumentException e) {
                // a sector this version does not know: it cannot be reported, so its fee is never read
            }
        });
        return new PolicyTerms(id.region, id.year, averageMonthlyWageFen, baseFloorPercent, baseCeilingPercent,
                pensionRatePercent, pensionIndividualPercent, medicalRatePercent, medicalIndividualPercent,
                fees, illustrative, version);
    }
}
