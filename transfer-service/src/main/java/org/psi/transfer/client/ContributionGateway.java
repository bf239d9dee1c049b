package org.psi.transfer.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.psi.common.domain.Scheme;
import org.psi.transfer.application.Quote;
import org.psi.transfer.estimate.PensionRecord;
import org.psi.transfer.saga.ContributionPort;
import org.psi.transfer.saga.HoldResult;
import org.psi.transfer.saga.RemoteCallException;

/** {@link ContributionPort} over the contribution-service's internal HTTP API. */
@ApplicationScoped
public class ContributionGateway implements ContributionPort {

    private final ContributionClient client;

    public ContributionGateway(@RestClient ContributionClient client) {
        this.client = client;
    }

    @Override
    public Quote quote(UUID workerId, Scheme scheme, String fromRegion) {
        ClientDtos.QuoteResponse q;
        try {
            q = client.quote(workerId, scheme, fromRegion);
        } catch (RuntimeException e) {
            throw RemoteErrors.of("contribution-service GET transfer-quote", e);
        }
        List<Quote.RegionMonths> months = q.countedMonthsByRegion() == null ? List.of()
                : q.countedMonthsByRegion().stream().map(m -> new Quote.RegionMonths(m.region(), m.months())).toList();
        return new Quote(q.individualAccountFen(), q.pooledFundFen(), q.months(), months);
    }

    @Override
    public PensionRecord pensionRecord(UUID workerId, List<String> claimRegions) {
        ClientDtos.PensionRecordResponse r;
        try {
            r = client.pensionRecord(workerId, claimRegions);
        } catch (RuntimeException e) {
            throw RemoteErrors.of("contribution-service GET pension-record", e);
        }
        if (r == null) {
            throw RemoteCallException.transientFailure("contribution-service GET pension-record answered nothing", null);
        }
        List<PensionRecord.Month> months = r.countedMonths() == null ? List.of() : r.countedMonths().stream()
                .map(m -> new PensionRecord.Month(m.month(), m.region(), m.baseFen(), m.averageWageFen())).toList();
        java.util.Map<String, PensionRecord.Wage> wages = new java.util.LinkedHashMap<>();
        if (r.claimWages() != null) {
            r.claimWages().forEach(w -> wages.put(w.region(), new PensionRecord.Wage(w.year(), w.averageMonthlyWageFen())));
        }
        return new PensionRecord(r.currentGrade(), r.individualAccountFen(), months, wages);
    }

    @Override
    public HoldResult hold(UUID transferId, UUID workerId, Scheme scheme, String fromRegion, String toRegion) {
        ClientDtos.HoldResponse h;
        try {
            h = client.hold(transferId, new ClientDtos.HoldRequest(workerId, scheme, fromRegion, toRegion));
        } catch (RuntimeException e) {
            throw RemoteErrors.of("contribution-service PUT hold", e);
        }
        if (h == null || h.status() == null || h.individualAccountFen() == null || h.pooledFundFen() == null) {
            throw RemoteCallException.transientFailure("contribution-service PUT hold answered without a hold", null);
        }
        return new HoldResult(h.status(), h.individualAccountFen(), h.pooledFundFen(), h.months() == null ? 0 : h.months());
    }

    @Override
    public void commit(UUID transferId) {
        call("contribution-service PUT commit", () -> client.commit(transferId));
    }

    @Override
    public void release(UUID transferId) {
        call("contribution-service PUT release", () -> client.release(transferId));
    }

    private static void call(String name, java.util.function.Supplier<Response> call) {
        try (Response response = call.get()) {
            if (response.getStatus() >= 300) {
                throw new jakarta.ws.rs.WebApplicationException(response);
            }
        } catch (RuntimeException e) {
            throw RemoteErrors.of(name, e);
        }
    }
}
