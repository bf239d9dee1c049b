package org.psi.transfer.saga.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.psi.common.domain.Scheme;
import org.psi.transfer.saga.HoldResult;

/**
 * The contribution-service as its contract says (docs/INTERNAL-API.md, the transfer calls): a ledger of
 * accounts (each worker's individual account per scheme and region, a pooled fund per scheme and region
 * with other people's money in it), holds by transfer id, and commits that post one balanced move per
 * transfer. As the real service: a hold freezes the quote (a repeat answers the same hold, whatever its
 * status; 404 without contributions in the region; a passing 409 {@code already-held} while another hold
 * of the worker's scheme and region is HELD); a commit moves what the ledger holds at that moment (404
 * without a hold, 409 if released, a repeat changes nothing); a release drops a hold not committed (404
 * without a hold, 409 if committed, a repeat changes nothing). A release of a transfer it never held
 * is remembered: a hold that arrives after it answers RELEASED and holds nothing.
 */
public final class SimContribution {

    public static final String PROBLEMS = "https://psi.example/problems/";

    /** Transfers released before they held anything. */
    private final java.util.Set<UUID> releasedUnheld = new java.util.HashSet<>();

    public static final class Hold {
        public final UUID transferId;
        public final UUID workerId;
        public final Scheme scheme;
        public final String fromRegion;
        public final String toRegion;
        public String status = HoldResult.HELD;
        public final long heldIndividualFen;
        public final long heldPooledFen;
        public final int heldMonths;
        public long committedIndividualFen;
        public long committedPooledFen;
        public long committedAt = -1;

        Hold(UUID transferId, UUID workerId, Scheme scheme, String fromRegion, String toRegion, long individual, long pooled, int months) {
            this.transferId = transferId;
            this.workerId = workerId;
            this.scheme = scheme;
            this.fromRegion = fromRegion;
            this.toRegion = toRegion;
            this.heldIndividualFen = individual;
            this.heldPooledFen = pooled;
            this.heldMonths = months;
        }

        HoldResult result() {
            boolean committed = HoldResult.COMMITTED.equals(status);
            return new HoldResult(status, committed ? committedIndividualFen : heldIndividualFen,
                    committed ? committedPooledFen : heldPooledFen, heldMonths);
        }
    }

    /** A balanced posting: the transfer's move of money between accounts. */
    public record Posting(UUID transferId, long at, List<Leg> legs) {
    }

    public record Leg(String account, long fen) {
    }

    /** Money booked into an account from outside the transfers (a contribution batch). */
    public record Deposit(String account, long fen, long at) {
    }

    private final Map<String, Long> balances = new LinkedHashMap<>();
    /** The share of a region's pooled fund that moves with the worker, and the months counted: by worker|scheme|region. */
    private final Map<String, long[]> shares = new LinkedHashMap<>();
    private final Map<UUID, Hold> holds = new LinkedHashMap<>();
    /** Every hold made per transfer (more than one if one was lost and made again): individual, pooled. */
    private final Map<UUID, List<long[]>> holdsMade = new LinkedHashMap<>();
    private final List<Posting> postings = new ArrayList<>();
    private final List<Deposit> deposits = new ArrayList<>();
    private long initialTotal;

    public static String individual(Scheme scheme, UUID workerId, String region) {
        return "IND|" + scheme + "|" + workerId + "|" + region;
    }

    public static String pooled(Scheme scheme, String region) {
        return "POOL|" + scheme + "|" + region;
    }

    private static String key(UUID workerId, Scheme scheme, String region) {
        return workerId + "|" + scheme + "|" + region;
    }

    /** A worker with contributions in a region: an individual account, a pooled share (PENSION only) over some months. */
    public void seed(UUID workerId, Scheme scheme, String region, long individualFen, long pooledShareFen, int months, long othersPooledFen) {
        long share = scheme == Scheme.PENSION ? pooledShareFen : 0;
        shares.put(key(workerId, scheme, region), new long[] {share, months});
        balances.merge(individual(scheme, workerId, region), individualFen, Long::sum);
        balances.merge(pooled(scheme, region), share + othersPooledFen, Long::sum);
        initialTotal += individualFen + share + othersPooledFen;
    }

    /** The pooled fund of a region with other people's money only (the destination of a transfer). */
    public void fund(Scheme scheme, String region, long fen) {
        balances.merge(pooled(scheme, region), fen, Long::sum);
        initialTotal += fen;
    }

    /** A contribution booked for the worker (a feed, a payment): their individual account and the pooled fund grow. */
    public void deposit(UUID workerId, Scheme scheme, String region, long individualFen, long pooledFen, long now) {
        long[] share = shares.get(key(workerId, scheme, region));
        if (share == null) {
            shares.put(key(workerId, scheme, region), share = new long[] {0, 0});
        }
        long p = scheme == Scheme.PENSION ? pooledFen : 0;
        share[0] += p;
        share[1] += 1;
        book(individual(scheme, workerId, region), individualFen, now);
        book(pooled(scheme, region), p, now);
    }

    private void book(String account, long fen, long now) {
        balances.merge(account, fen, Long::sum);
        deposits.add(new Deposit(account, fen, now));
    }

    public Answer hold(UUID transferId, UUID workerId, Scheme scheme, String from, String to) {
        Hold existing = holds.get(transferId);
        if (existing != null) {
            if (!existing.workerId.equals(workerId) || existing.scheme != scheme || !existing.fromRegion.equals(from)
                    || !existing.toRegion.equals(to)) {
                return Answer.problem(409, PROBLEMS + "transfer-conflict", "Transfer " + transferId + " holds something else");
            }
            return Answer.ok(existing.result());
        }
        if (releasedUnheld.contains(transferId)) {
            return Answer.ok(new HoldResult(HoldResult.RELEASED, 0, 0, 0));
        }
        long[] share = shares.get(key(workerId, scheme, from));
        if (share == null) {
            return Answer.problem(404, PROBLEMS + "not-found", "Worker " + workerId + " has no contributions in " + from);
        }
        for (Hold h : holds.values()) {
            if (HoldResult.HELD.equals(h.status) && h.workerId.equals(workerId) && h.scheme == scheme && h.fromRegion.equals(from)) {
                return Answer.problem(409, PROBLEMS + "already-held", "Another transfer of this worker's " + scheme + " from "
                        + from + " holds these funds; release or commit it first");
            }
        }
        Hold h = new Hold(transferId, workerId, scheme, from, to, balance(individual(scheme, workerId, from)), share[0], (int) share[1]);
        holds.put(transferId, h);
        holdsMade.computeIfAbsent(transferId, k -> new ArrayList<>()).add(new long[] {h.heldIndividualFen, h.heldPooledFen});
        return Answer.ok(h.result());
    }

    public Answer commit(UUID transferId, long now) {
        Hold h = holds.get(transferId);
        if (h == null) {
            return Answer.problem(404, PROBLEMS + "not-found", "A hold of transfer " + transferId);
        }
        if (HoldResult.RELEASED.equals(h.status)) {
            return Answer.problem(409, PROBLEMS + "hold-released", "The hold of transfer " + transferId + " was released");
        }
        if (HoldResult.HELD.equals(h.status)) {
            long[] share = shares.get(key(h.workerId, h.scheme, h.fromRegion));
            long individual = balance(individual(h.scheme, h.workerId, h.fromRegion));
            long pooled = share[0];
            List<Leg> legs = new ArrayList<>();
            move(legs, individual(h.scheme, h.workerId, h.fromRegion), individual(h.scheme, h.workerId, h.toRegion), individual);
            move(legs, pooled(h.scheme, h.fromRegion), pooled(h.scheme, h.toRegion), pooled);
            share[0] = 0;
            share[1] = 0;
            postings.add(new Posting(transferId, now, legs));
            h.status = HoldResult.COMMITTED;
            h.committedIndividualFen = individual;
            h.committedPooledFen = pooled;
            h.committedAt = now;
        }
        return Answer.ok(null);
    }

    public Answer release(UUID transferId) {
        Hold h = holds.get(transferId);
        if (h == null) {
            releasedUnheld.add(transferId);
            return Answer.ok(new HoldResult(HoldResult.RELEASED, 0, 0, 0));
        }
        if (HoldResult.COMMITTED.equals(h.status)) {
            return Answer.problem(409, PROBLEMS + "hold-committed", "Transfer " + transferId + " was committed; it cannot be released");
        }
        h.status = HoldResult.RELEASED;
        return Answer.ok(null);
    }

    /** A HELD hold disappears (as the saga allows for: its commit then answers 404 and it holds again). */
    public boolean lose(UUID transferId) {
        Hold h = holds.get(transferId);
        if (h == null || !HoldResult.HELD.equals(h.status)) {
            return false;
        }
        holds.remove(transferId);
        return true;
    }

    private void move(List<Leg> legs, String from, String to, long fen) {
        if (fen == 0) {
            return;
        }
        balances.merge(from, -fen, Long::sum);
        balances.merge(to, fen, Long::sum);
        legs.add(new Leg(from, -fen));
        legs.add(new Leg(to, fen));
    }

    public long balance(String account) {
        return balances.getOrDefault(account, 0L);
    }

    public Map<String, Long> balances() {
        return balances;
    }

    public long total() {
        long sum = 0;
        for (long v : balances.values()) {
            sum += v;
        }
        return sum;
    }

    public long initialTotal() {
        return initialTotal;
    }

    public List<Deposit> deposits() {
        return deposits;
    }

    public List<Posting> postings() {
        return postings;
    }

    public Map<UUID, Hold> holds() {
        return holds;
    }

    public Hold holdOf(UUID transferId) {
        return holds.get(transferId);
    }

    /** Whether a hold of these amounts was made for the transfer (the one there is, or one lost before it). */
    public boolean held(UUID transferId, long individualFen, long pooledFen) {
        for (long[] h : holdsMade.getOrDefault(transferId, List.of())) {
            if (h[0] == individualFen && h[1] == pooledFen) {
                return true;
            }
        }
        return false;
    }

    public List<Posting> postingsOf(UUID transferId) {
        return postings.stream().filter(p -> p.transferId().equals(transferId)).toList();
    }

    /** For the trace hash: what the service ends with. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        balances.forEach((k, v) -> s.append(k).append('=').append(v).append(';'));
        holds.values().forEach(h -> s.append(h.transferId).append(' ').append(h.status).append(';'));
        return s.toString();
    }
}
