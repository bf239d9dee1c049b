package org.psi.contribution.certificate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.psi.common.domain.Scheme;
import org.psi.contribution.insured.Holder;
import org.psi.contribution.insured.InsuredDirectory;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.statement.ContributionHistory;
import org.psi.contribution.statement.StatementService;

/**
 * The contribution certificate (参保缴费凭证): the worker's periods, bases and amounts in one scheme,
 * signed by this service as a compact JWS (ES256, the key id in the header). Anyone can verify it
 * offline against the published keys (/.well-known/jwks.json) with any JOSE library.
 */
@ApplicationScoped
public class CertificateService {

    public static final String TYPE = "psi-certificate+jwt";
    /** The claim that holds the certificate's content. */
    public static final String CLAIM = "certificate";

    private final InsuredDirectory directory;
    private final StatementService statements;
    private final CertificateKeys keys;
    private final CertificateConfig config;
    private final Clock clock;

    public CertificateService(InsuredDirectory directory, StatementService statements, CertificateKeys keys,
                              CertificateConfig config, Clock clock) {
        this.directory = directory;
        this.statements = statements;
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    public record Certificate(String jws, String kid, Map<String, Object> claims) {
    }

    public record Verification(boolean valid, String reason, String kid, Map<String, Object> claims) {
    }

    /** The caller's certificate of {@code scheme}, over everything on record up to this month. */
    public Certificate issue(String subject, String schemeRaw) {
        Scheme scheme = Scheme.parse(schemeRaw, "scheme");
        InsuredWorker worker = directory.bySubject(subject);
        StatementService.Statement s = statements.whole(worker, scheme);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .subject(worker.workerId().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(config.validityDays(), ChronoUnit.DAYS)))
                .jwtID(UUID.randomUUID().toString())
                .claim(CLAIM, content(worker, directory.holder(worker.workerId()), s))
                .build();
        ECKey key = keys.active();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(keys.algorithm()).keyID(key.getKeyID())
                .type(new JOSEObjectType(TYPE)).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("The certificate could not be signed", e);
        }
        String jws = jwt.serialize();
        if (jws.length() > CertificateDtos.MAX_JWS) {
            throw new IllegalStateException("A certificate of " + jws.length() + " characters, over " + CertificateDtos.MAX_JWS);
        }
        return new Certificate(jws, key.getKeyID(), claims.toJSONObject());
    }

    /** Whether {@code jws} is a certificate signed by one of this service's keys, unexpired, and what it says. */
    public Verification verify(String jws) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(jws.strip());
        } catch (ParseException | RuntimeException e) {
            return new Verification(false, "MALFORMED", null, null);
        }
        String kid = jwt.getHeader().getKeyID();
        Optional<ECKey> key = keys.publicKey(kid);
        if (key.isEmpty()) {
            return new Verification(false, "UNKNOWN_KEY", kid == null || kid.length() > CertificateDtos.MAX_KID ? null : kid, null);
        }
        try {
            if (!keys.algorithm().equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new ECDSAVerifier(key.get()))) {
                return new Verification(false, "BAD_SIGNATURE", kid, null);
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!config.issuer().equals(claims.getIssuer())) {
                return new Verification(false, "WRONG_ISSUER", kid, claims.toJSONObject());
            }
            if (claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isBefore(Instant.now(clock))) {
                return new Verification(false, "EXPIRED", kid, claims.toJSONObject());
            }
            return new Verification(true, null, kid, claims.toJSONObject());
        } catch (JOSEException | ParseException | RuntimeException e) {
            return new Verification(false, "BAD_SIGNATURE", kid, null);
        }
    }

    /**
     * What the certificate states: the holder as an official certificate names them (name and the
     * citizen ID masked to its last 4 characters, nothing that rebuilds the ID: no birth date, no
     * household region), and the record.
     */
    private static Map<String, Object> content(InsuredWorker worker, Optional<Holder> holder, StatementService.Statement s) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("workerId", worker.workerId().toString());
        holder.ifPresent(h -> {
            c.put("holderName", h.name());
            c.put("nationalIdMasked", h.nationalIdMasked());
        });
        c.put("scheme", s.scheme().name());
        c.put("from", s.from().toString());
        c.put("to", s.to().toString());
        List<Map<String, Object>> months = new ArrayList<>();
        for (ContributionHistory.Month m : s.months()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", m.month().toString());
            row.put("region", m.region());
            row.put("baseFen", m.baseFen());
            row.put("dueFen", m.dueFen());
            row.put("paidFen", m.paidFen());
            row.put("status", m.status().name());
            if (s.scheme() == Scheme.OCCUPATIONAL_INJURY) {
                row.put("coveredDays", m.coveredDays());
            }
            months.add(row);
        }
        c.put("months", months);
        c.put("periods", periods(s.months()));
        c.put("countedMonths", s.countedMonths());
        List<Map<String, Object>> byRegion = new ArrayList<>();
        s.countedByRegion().forEach((region, n) -> byRegion.add(Map.of("region", region, "months", n)));
        c.put("countedMonthsByRegion", byRegion);
        c.put("paidFen", s.paidFen());
        if (s.scheme().isMonthly()) {
            c.put("individualAccountFen", s.individualAccountFen());
        } else {
            List<Map<String, Object>> days = new ArrayList<>();
            s.coveredDaysByPlatform().forEach((platform, n) -> days.add(Map.of("platform", platform, "days", n)));
            c.put("coveredDaysByPlatform", days);
        }
        return c;
    }

    /** Runs of consecutive counted months in one region: {region, from, to, months}. */
    static List<Map<String, Object>> periods(List<ContributionHistory.Month> months) {
        List<Map<String, Object>> periods = new ArrayList<>();
        String region = null;
        YearMonth start = null;
        YearMonth last = null;
        int n = 0;
        for (ContributionHistory.Month m : months) {
            boolean continues = m.counts() && start != null && m.region() != null && m.region().equals(region)
                    && m.month().equals(last.plusMonths(1));
            if (!continues && start != null) {
                periods.add(period(region, start, last, n));
                start = null;
            }
            if (m.counts() && !continues) {
                region = m.region();
                start = m.month();
                n = 0;
            }
            if (m.counts()) {
                last = m.month();
                n++;
            }
        }
        if (start != null) {
            periods.add(period(region, start, last, n));
        }
        return periods;
    }

    private static Map<String, Object> period(String region, YearMonth from, YearMonth to, int months) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("region", region);
        p.put("from", from.toString());
        p.put("to", to.toString());
        p.put("months", months);
        return p;
    }
}
