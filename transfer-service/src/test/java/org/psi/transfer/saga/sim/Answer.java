package org.psi.transfer.saga.sim;

import java.util.UUID;
import org.psi.common.domain.Scheme;
import org.psi.transfer.application.Quote;
import org.psi.transfer.application.Route;
import org.psi.transfer.application.WorkerEnrollments;
import org.psi.transfer.saga.ContributionPort;
import org.psi.transfer.saga.EnrollmentPort;
import org.psi.transfer.saga.HoldResult;
import org.psi.transfer.saga.RemoteCallException;

/** What a simulated call came back with: an answer of the other service, or none (no connection, timeout). */
public sealed interface Answer {

    /** 2xx, with the body the port returns (a {@link HoldResult}, the opened enrollment's id, or nothing). */
    record Ok(Object body) implements Answer {
    }

    /** An application/problem+json answer. */
    record Problem(int status, String type, String detail) implements Answer {
    }

    /** No answer: refused or reset connection, or the client's timeout. */
    record NoAnswer(String why) implements Answer {
    }

    static Answer ok(Object body) {
        return new Ok(body);
    }

    static Answer problem(int status, String type, String detail) {
        return new Problem(status, type, detail);
    }

    /** Short, for the trace. */
    default String brief() {
        if (this instanceof Ok ok) {
            return ok.body() instanceof HoldResult h ? "200 " + h.status() + " " + h.individualAccountFen() + "/" + h.pooledFundFen()
                    : "200";
        }
        if (this instanceof Problem p) {
            return p.status() + " " + p.type();
        }
        return "no answer (" + ((NoAnswer) this).why() + ")";
    }

    /**
     * The ports of the saga answering with one given answer, as the HTTP gateways in {@code client} would
     * turn it into a return value or a {@link RemoteCallException}: 404, 409, 410 and 422 are permanent
     * refusals except the contribution-service's passing {@code already-held} conflict; every other status
     * and no answer at all are passing failures (as {@code client.RemoteErrors} classifies them).
     */
    final class Ports implements EnrollmentPort, ContributionPort {

        private final Answer answer;

        public Ports(Answer answer) {
            this.answer = answer;
        }

        @Override
        public HoldResult hold(UUID transferId, UUID workerId, Scheme scheme, String fromRegion, String toRegion) {
            return (HoldResult) body("contribution-service PUT hold");
        }

        @Override
        public void commit(UUID transferId) {
            body("contribution-service PUT commit");
        }

        @Override
        public void release(UUID transferId) {
            body("contribution-service PUT release");
        }

        @Override
        public UUID moveEnrollment(UUID transferId, UUID workerId, Scheme scheme, String toRegion, Route route) {
            return (UUID) body("enrollment-service PUT enrollment-move");
        }

        @Override
        public Quote quote(UUID workerId, Scheme scheme, String fromRegion) {
            throw new UnsupportedOperationException("the saga does not quote");
        }

        @Override
        public org.psi.transfer.estimate.PensionRecord pensionRecord(UUID workerId, java.util.List<String> claimRegions) {
            throw new UnsupportedOperationException("the saga does not estimate");
        }

        private Object body(String call) {
            if (answer instanceof Ok ok) {
                return ok.body();
            }
            if (answer instanceof Problem p) {
                boolean permanent = p.status() == 404 || p.status() == 409 || p.status() == 410 || p.status() == 422;
                if (p.status() == 409 && p.type().endsWith("/problems/already-held")) {
                    permanent = false;
                }
                throw new RemoteCallException(permanent, p.status(), call + " answered " + p.status() + ": " + p.detail()
                        + " (" + p.type() + ")", null);
            }
            throw RemoteCallException.transientFailure(call + " failed: " + ((NoAnswer) answer).why(), null);
        }
    }
}
