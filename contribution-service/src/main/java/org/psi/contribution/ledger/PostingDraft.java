package org.psi.contribution.ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.psi.common.domain.Scheme;

/**
 * A posting about to be written: what caused it, what it pays toward which month, and its legs.
 *
 * <p>For a payment toward a month (a feed line, a self-payment, a reversal) the legs follow from the
 * signed amounts: the payer's account against the worker's individual account ({@code individualFen})
 * and the pooled fund ({@code pooledFen}) of the region; a reversal carries the negated amounts of the
 * posting it reverses, so its legs are the mirror image. A late contribution for a region the worker
 * has left adds the legs that forward it ({@link LateContributionRule}). A transfer's legs are given.
 */
public final class PostingDraft {

    public final PostingKind kind;
    public final String source;
    public final String ref;
    public final byte[] contentMac;
    public final UUID batchId;
    public final Integer lineNo;
    public final UUID workerId;
    public final Scheme scheme;
    public final String region;
    public final String period;
    public final YearMonth month;
    public final long amountFen;
    public final long individualFen;
    public final long pooledFen;
    public final Integer orders;
    public final String sector;
    public final UUID transferId;
    public final Instant postedAt;

    /** The base and due of the month, when known: the late-contribution rule needs them. */
    public Long baseFen;
    public Long dueFen;

    /** The reversed posting: its id when it is in the ledger, or its draft when it is earlier in the same batch. */
    public Long reversesId;
    public PostingDraft reverses;

    public String forwardedTo;
    public long forwardedIndividualFen;
    public long forwardedPooledFen;

    /** Given legs (transfers); payments toward a month derive theirs. */
    private final List<Leg> givenLegs = new ArrayList<>();
    /** Months whose pooled share this posting moved (transfers and forwarded late contributions). */
    public final List<MovedMonth> movedMonths = new ArrayList<>();

    /** Assigned when written. */
    public long id;

    public record MovedMonth(UUID workerId, Scheme scheme, String region, YearMonth month, String toRegion,
                             long pooledFen, UUID transferId) {
    }

    public PostingDraft(PostingKind kind, String source, String ref, byte[] contentMac, UUID batchId, Integer lineNo,
                        UUID workerId, Scheme scheme, String region, String period, YearMonth month,
                        long amountFen, long individualFen, long pooledFen, Integer orders, String sector,
                        UUID transferId, Instant postedAt) {
        if (individualFen + pooledFen != amountFen) {
            throw new IllegalArgumentException("The split of a posting must add up to its amount");
        }
        this.kind = kind;
        this.source = source;
        this.ref = ref;
        this.contentMac = contentMac;
        this.batchId = batchId;
        this.lineNo = lineNo;
        this.workerId = workerId;
        this.scheme = scheme;
        this.region = region;
        this.period = period;
        this.month = month;
        this.amountFen = amountFen;
        this.individualFen = individualFen;
        this.pooledFen = pooledFen;
        this.orders = orders;
        this.sector = sector;
        this.transferId = transferId;
        this.postedAt = postedAt;
    }

    public void addLeg(Leg leg) {
        givenLegs.add(leg);
    }

    /** The payer's account; for a correction, the payer's refundable credit, which the refund goes to. */
    public AccountKey payerAccount() {
        return kind == PostingKind.CORRECTION ? AccountKey.payer(Payers.refundable(source)) : AccountKey.payer(source);
    }

    public AccountKey individualAccount() {
        return AccountKey.individual(workerId, scheme, region);
    }

    public AccountKey pooledAccount() {
        return AccountKey.pooled(scheme, region);
    }

    /** The id of the reversed posting, once known. */
    public Long reversedPostingId() {
        return reverses != null ? Long.valueOf(reverses.id) : reversesId;
    }

    /** Every leg of this posting; debits and credits balance by construction. */
    public List<Leg> legs() {
        if (!kind.paysTowardMonth()) {
            return List.copyOf(givenLegs);
        }
        List<Leg> legs = new ArrayList<>(7);
        if (amountFen > 0) {
            legs.add(Leg.debit(payerAccount(), amountFen));
            if (individualFen > 0) {
                legs.add(Leg.credit(individualAccount(), individualFen));
            }
            if (pooledFen > 0) {
                legs.add(Leg.credit(pooledAccount(), pooledFen));
            }
        } else if (amountFen < 0) {
            legs.add(Leg.credit(payerAccount(), -amountFen));
            if (individualFen < 0) {
                legs.add(Leg.debit(individualAccount(), -individualFen));
            }
            if (pooledFen < 0) {
                legs.add(Leg.debit(pooledAccount(), -pooledFen));
            }
        } else {
            // nothing paid, a re-split between the month's pooled fund and individual account (a correction)
            move(legs, pooledAccount(), individualAccount(), individualFen);
        }
        if (forwardedTo != null) {
            move(legs, individualAccount(), AccountKey.individual(workerId, scheme, forwardedTo), forwardedIndividualFen);
            move(legs, pooledAccount(), AccountKey.pooled(scheme, forwardedTo), forwardedPooledFen);
        }
        legs.addAll(givenLegs);
        return legs;
    }

    /** Legs that move {@code amountFen} from one account to another (the other way when negative). */
    public static void move(List<Leg> legs, AccountKey from, AccountKey to, long amountFen) {
        if (amountFen > 0) {
            legs.add(Leg.debit(from, amountFen));
            legs.add(Leg.credit(to, amountFen));
        } else if (amountFen < 0) {
            legs.add(Leg.debit(to, -amountFen));
            legs.add(Leg.credit(from, -amountFen));
        }
    }
}
