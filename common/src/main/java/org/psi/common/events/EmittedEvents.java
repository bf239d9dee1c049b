package org.psi.common.events;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The outbox events a request wrote: its response waits until their readers have applied them. */
@io.quarkus.arc.Unremovable
@RequestScoped
public class EmittedEvents {

    private final List<UUID> ids = new ArrayList<>(1);

    void add(UUID id) {
        ids.add(id);
    }

    public List<UUID> ids() {
        return List.copyOf(ids);
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }
}
