package org.psi.transfer.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One step in the trail of a case, chained to the one before by its hash (see {@link EventChain}). Insert-only. */
@Entity
@Table(name = "transfer_event")
public class TransferEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "transfer_id")
    public UUID transferId;
    public int seq;
    public String type;
    public Instant at;
    public String actor;
    /** {@code key=value} lines (newlines and backslashes in values escaped), in the order written. */
    public String data;
    @Column(name = "prev_hash")
    public String prevHash;
    public String hash;

    /** The next event of a case: chained to the case's last event, and made the case's new head. */
    public static TransferEvent append(TransferCase c, String type, String actor, Map<String, ?> data, Instant now) {
        TransferEvent e = new TransferEvent();
        e.id = UUID.randomUUID();
        e.transferId = c.id;
        e.seq = c.eventCount + 1;
        e.type = type;
        // timestamptz keeps microseconds: hash exactly what will be read back
        e.at = now.truncatedTo(ChronoUnit.MICROS);
        e.actor = actor;
        e.data = encode(data);
        e.prevHash = c.lastEventHash;
        e.hash = EventChain.hash(e.prevHash, e.transferId, e.seq, e.type, e.at, e.actor, e.data);
        c.eventCount = e.seq;
        c.lastEventHash = e.hash;
        return e;
    }

    public Map<String, String> dataMap() {
        Map<String, String> map = new LinkedHashMap<>();
        if (data == null || data.isEmpty()) {
            return map;
        }
        for (String line : data.split("\n")) {
            int eq = line.indexOf('=');
            map.put(line.substring(0, eq), unescape(line.substring(eq + 1)));
        }
        return map;
    }

    static String encode(Map<String, ?> data) {
        StringBuilder s = new StringBuilder();
        data.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            if (!s.isEmpty()) {
                s.append('\n');
            }
            s.append(k).append('=').append(v.toString().replace("\\", "\\\\").replace("\n", "\\n"));
        });
        return s.toString();
    }

    private static String unescape(String v) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                s.append(n == 'n' ? '\n' : n);
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
