package org.psi.common.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A string of a JSON body that {@link TextInput} refuses. Jackson adds the path of the field as
 * it unwinds, so the problem names the field ({@code items[2].ref}) but never the value.
 */
public class InvalidTextException extends MismatchedInputException {

    public InvalidTextException(JsonParser parser) {
        super(parser, "A string holds a control character or an unpaired surrogate", String.class);
    }
}
