package org.psi.common.stats;

import java.time.YearMonth;
import java.util.List;

/** One cell of a stored snapshot as a query reads it: its month, its key in the lattice and whether it is withheld. */
public interface StoredCell {

    YearMonth month();

    /** One value per dimension of the lattice, {@link StatTable#ALL} where the cell totals over it. */
    List<String> key();

    boolean suppressed();
}
