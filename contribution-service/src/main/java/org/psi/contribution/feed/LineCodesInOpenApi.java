package org.psi.contribution.feed;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/** Writes the list of {@link LineCode}s, with their meaning, into the descriptions that name {@code {line-codes}}. */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class LineCodesInOpenApi implements OASFilter {

    static final String PLACEHOLDER = "{line-codes}";

    @Override
    public Operation filterOperation(Operation operation) {
        String d = operation.getDescription();
        if (d != null && d.contains(PLACEHOLDER)) {
            operation.setDescription(d.replace(PLACEHOLDER, LineCode.describe()));
        }
        return operation;
    }
}
