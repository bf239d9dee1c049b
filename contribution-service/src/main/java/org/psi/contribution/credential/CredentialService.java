package org.psi.contribution.credential;

import com.authlete.sd.Disclosure;
import com.authlete.sd.SDJWT;
import com.authlete.sd.SDObjectBuilder;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.psi.common.api.ProblemException;
import org.psi.common.domain.Scheme;
import org.psi.contribution.certificate.CertificateConfig;
import org.psi.contribution.certificate.CertificateKeys;
import org.psi.contribution.insured.InsuredDirectory;
import org.psi.contribution.insured.InsuredWorker;
import org.psi.contribution.statement.ContributionHistory;
import org.psi.contribution.statement.StatementService;

/**
 * The proof of insurance the worker controls: an SD-JWT VC (RFC 9901 with
 * draft-ietf-oauth-sd-jwt-vc-10, {@code typ: dc+sd-jwt}) whose every claim about her is selectively
 * disclosable, bound to a key of her app ({@code cnf}) when she sends one, with its entry in a status
 * list (draft-ietf-oauth-status-list-12) that turns INVALID when anything it states changes. It has
 * no {@code sub} and no id of hers, and nothing that rebuilds her citizen ID: a verifier learns only
 * the claims she discloses. Signed with the certificate keys (ES256; published at
 * /.well-known/jwt-vc-issuer/... with the issuer's metadata). SD-JWT encoding by
 * {@code com.authlete:sd-jwt}.
 */
@ApplicationScoped
public class CredentialService {

    public static final String TYPE = "dc+sd-jwt";
    public static final String KB_TYPE = "kb+jwt";
    public static final String STATUS_LIST_TYPE = "statuslist+jwt";
    /** How long a presentation's key-binding JWT is accepted after (and before, for clocks) its iat. */
    static final Duration KB_WINDOW = Duration.ofMinutes(5);
    /** How long a status list token may be cached. */
    static final Duration STATUS_TTL = Duration.ofMinutes(5);

    private final InsuredDirectory directory;
    private final StatementService statements;
    private final CertificateKeys keys;
    private final CertificateConfig certificates;
    private final String issuer;
    private final StatusLists lists;
    private final Clock clock;

    public CredentialService(InsuredDirectory directory, StatementService statements, CertificateKeys keys,
                             CertificateConfig certificates, CredentialConfig config, StatusLists lists, Clock clock) {
        this.directory = directory;
        this.statements = statements;
        this.keys = keys;
        this.certificates = certificates;
        this.issuer = config.issuer().replaceAll("/+$", "");
        String path = URI.create(issuer).getPath();
        if (path != null && !path.isEmpty()) {
            throw new IllegalStateException("psi.credential.issuer is an address without a path: " + issuer);
        }
        this.lists = lists;
        this.clock = clock;
    }

    /** The type of the credential (its {@code vct}). */
    public String vct() {
        return issuer + "/credentials/insurance";
    }

    public String statusListUri(int list) {
        return issuer + STATUS_PATH + list;
    }

    /** Where the status lists are served, below the issuer's address. */
    public static final String STATUS_PATH = "/api/credentials/status/";

    public record Issued(String credential, Instant expiresAt, List<String> disclosable, boolean keyBound) {
    }

    /** A new credential of the caller's record in {@code scheme}, bound to {@code holderJwk} when given. */
    @Transactional
    public Issued issue(String subject, String schemeRaw, Map<String, Object> holderJwk) {
        Scheme scheme = Scheme.parse(schemeRaw, "scheme");
        if (!scheme.isMonthly()) {
            throw ProblemException.invalid("scheme", "NOT_APPLICABLE", "contribution.credential.scheme");
        }
        ECKey holder = holderJwk == null ? null : holderKey(holderJwk);
        InsuredWorker worker = directory.bySubject(subject);
        StatementService.Statement s = statements.whole(worker, scheme);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Instant exp = now.plus(certificates.validityDays(), ChronoUnit.DAYS);
        StatusLists.Entry entry = lists.allocate(worker.workerId(), scheme, now, exp);

        SDObjectBuilder builder = new SDObjectBuilder();
        List<Disclosure> disclosures = new ArrayList<>();
        claims(worker, s).forEach((name, value) -> disclosures.add(builder.putSDClaim(name, value)));
        builder.putDecoyDigests(3); // the number of claims says nothing either
        builder.putClaim("iss", issuer);
        builder.putClaim("iat", now.getEpochSecond());
        builder.putClaim("exp", exp.getEpochSecond());
        builder.putClaim("vct", vct());
        builder.putClaim("status", Map.of("status_list", Map.of("idx", entry.idx(), "uri", statusListUri(entry.list()))));
        if (holder != null) {
            builder.putClaim("cnf", Map.of("jwk", holder.toJSONObject()));
        }
        JWTClaimsSet claims;
        try {
            claims = JWTClaimsSet.parse(builder.build(true));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        String jwt = sign(new JOSEObjectType(TYPE), claims);
        List<String> names = disclosures.stream().map(Disclosure::getClaimName).toList();
        return new Issued(new SDJWT(jwt, disclosures).toString(), exp, names, holder != null);
    }

    /**
     * What the credential states, each claim disclosable on its own: the scheme, the region of the
     * current enrollment and since when, the months counted (in all and by region), the first month
     * counted, whether she is insured now, the individual account, and her name. No ID, no birth
     * date, no household registration.
     */
    static Map<String, Object> claims(InsuredWorker worker, StatementService.Statement s) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("scheme", s.scheme().name());
        Optional<InsuredWorker.Enrollment> current = worker.enrollmentsOf(s.scheme()).stream()
                .filter(InsuredWorker.Enrollment::isCurrent).findFirst();
        c.put("insured", current.isPresent());
        current.ifPresent(e -> {
            c.put("region", e.region().value());
            c.put("insured_since", e.startMonth().toString());
        });
        c.put("counted_months", s.countedMonths());
        List<Map<String, Object>> byRegion = new ArrayList<>();
        s.countedByRegion().forEach((region, n) -> byRegion.add(Map.of("region", region, "months", n)));
        c.put("counted_months_by_region", byRegion);
        s.months().stream().filter(ContributionHistory.Month::counts).findFirst()
                .ifPresent(m -> c.put("first_counted_month", m.month().toString()));
        c.put("individual_account_fen", s.individualAccountFen());
        return c;
    }

    /** The holder's public key: an EC P-256 public JWK (a private one is refused: it must stay on the phone). */
    private static ECKey holderKey(Map<String, Object> jwk) {
        try {
            JWK key = JWK.parse(jwk);
            if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
                throw ProblemException.invalid("holderKey", "UNSUPPORTED_KEY", "contribution.credential.key-type");
            }
            if (key.isPrivate()) {
                throw ProblemException.invalid("holderKey", "PRIVATE_KEY", "contribution.credential.private-key");
            }
            return ec.toPublicJWK();
        } catch (ParseException | IllegalArgumentException e) {
            throw ProblemException.invalid("holderKey", "INVALID_KEY", "contribution.credential.not-a-key");
        }
    }

    private String sign(JOSEObjectType type, JWTClaimsSet claims) {
        ECKey key = keys.active();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(type).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("The credential could not be signed", e);
        }
        return jwt.serialize();
    }

    /** The status list token of {@code list} (a JWT, {@code typ: statuslist+jwt}), empty when the list does not exist. */
    public Optional<String> statusList(int list) {
        if (list < 1 || !lists.exists(list)) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(statusListUri(list)).issuer(issuer)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofDays(1))))
                .claim("ttl", STATUS_TTL.toSeconds())
                .claim("status_list", Map.of("bits", 1, "lst", lists.encoded(list))).build();
        return Optional.of(sign(new JOSEObjectType(STATUS_LIST_TYPE), claims));
    }

    /** The issuer's metadata (SD-JWT VC, JWT VC Issuer Metadata): its identifier and public keys. */
    public Map<String, Object> issuerMetadata() {
        return Map.of("issuer", issuer, "jwks", keys.publishedJwks());
    }

    public record Verification(boolean valid, String reason, boolean keyBound, Map<String, Object> disclosed,
                               String vct, Instant expiresAt) {
        static Verification invalid(String reason) {
            return new Verification(false, reason, false, null, null, null);
        }
    }

    /**
     * Verifies a presentation: the issuer's signature and type, expiry, that every disclosure is one
     * the credential committed to (a tampered or added one fails), the key binding when the
     * credential has a {@code cnf} (signed by that key, for this {@code audience} and {@code nonce},
     * recent, over exactly this presentation), and the status list entry. Answers what was disclosed.
     */
    public Verification verify(String presentation, String nonce, String audience) {
        SDJWT sd;
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            sd = SDJWT.parse(presentation.strip());
            jwt = SignedJWT.parse(sd.getCredentialJwt());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return Verification.invalid("MALFORMED");
        }
        if (!TYPE.equals(String.valueOf(jwt.getHeader().getType())) || !JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            return Verification.invalid("WRONG_TYPE");
        }
        Optional<ECKey> key = keys.publicKey(jwt.getHeader().getKeyID());
        try {
            if (key.isEmpty() || !jwt.verify(new ECDSAVerifier(key.get()))) {
                return Verification.invalid("BAD_SIGNATURE");
            }
        } catch (JOSEException e) {
            return Verification.invalid("BAD_SIGNATURE");
        }
        Instant now = Instant.now(clock);
        if (!issuer.equals(claims.getIssuer()) || !vct().equals(claims.getClaim("vct"))) {
            return Verification.invalid("WRONG_ISSUER");
        }
        if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(now)) {
            return Verification.invalid("EXPIRED");
        }
        Set<String> committed = new HashSet<>();
        Object sdClaim = claims.getClaim("_sd");
        if (sdClaim instanceof List<?> digests) {
            digests.forEach(d -> committed.add(String.valueOf(d)));
        }
        Map<String, Object> disclosed = new LinkedHashMap<>();
        for (Disclosure d : sd.getDisclosures()) {
            if (!committed.contains(d.digest()) || d.getClaimName() == null || disclosed.containsKey(d.getClaimName())) {
                return Verification.invalid("BAD_DISCLOSURE");
            }
            disclosed.put(d.getClaimName(), d.getClaimValue());
        }
        Object cnf = claims.getClaim("cnf");
        boolean bound = cnf != null;
        if (bound) {
            String failure = keyBinding(sd, cnf, nonce, audience, now);
            if (failure != null) {
                return Verification.invalid(failure);
            }
        } else if (sd.getBindingJwt() != null) {
            return Verification.invalid("BAD_KEY_BINDING");
        }
        if (!(claims.getClaim("status") instanceof Map<?, ?> status) || !(status.get("status_list") instanceof Map<?, ?> entry)
                || !(entry.get("idx") instanceof Number idx) || !(entry.get("uri") instanceof String uri)
                || !uri.startsWith(issuer + STATUS_PATH)) {
            return Verification.invalid("NO_STATUS");
        }
        int list;
        try {
            list = Integer.parseInt(uri.substring(uri.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return Verification.invalid("NO_STATUS");
        }
        if (!lists.valid(list, idx.intValue())) {
            return new Verification(false, "REVOKED", bound, disclosed, vct(), claims.getExpirationTime().toInstant());
        }
        return new Verification(true, null, bound, disclosed, vct(), claims.getExpirationTime().toInstant());
    }

    /** Null when the key-binding JWT is right, else why not. */
    private static String keyBinding(SDJWT sd, Object cnf, String nonce, String audience, Instant now) {
        if (sd.getBindingJwt() == null || nonce == null || audience == null) {
            return "NO_KEY_BINDING";
        }
        try {
            @SuppressWarnings("unchecked")
            ECKey holder = ECKey.parse((Map<String, Object>) ((Map<?, ?>) cnf).get("jwk"));
            SignedJWT kb = SignedJWT.parse(sd.getBindingJwt());
            if (!KB_TYPE.equals(String.valueOf(kb.getHeader().getType())) || !kb.verify(new ECDSAVerifier(holder))) {
                return "BAD_KEY_BINDING";
            }
            JWTClaimsSet c = kb.getJWTClaimsSet();
            if (c.getIssueTime() == null || c.getIssueTime().toInstant().isBefore(now.minus(KB_WINDOW))
                    || c.getIssueTime().toInstant().isAfter(now.plus(KB_WINDOW))) {
                return "STALE_KEY_BINDING";
            }
            if (!nonce.equals(c.getClaim("nonce")) || c.getAudience() == null || !c.getAudience().equals(List.of(audience))) {
                return "WRONG_AUDIENCE_OR_NONCE";
            }
            if (!sd.getSDHash().equals(c.getClaim("sd_hash"))) {
                return "BAD_KEY_BINDING";
            }
            return null;
        } catch (ParseException | JOSEException | RuntimeException e) {
            return "BAD_KEY_BINDING";
        }
    }
}
