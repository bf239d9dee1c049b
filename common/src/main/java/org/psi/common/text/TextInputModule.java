package org.psi.common.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Checks every string Jackson reads from a request body (properties, list items, map keys and
 * values, strings turned into value types) against {@link TextInput}: one deserializer for
 * {@code String} in the one {@link ObjectMapper} of the service, so no DTO needs an annotation.
 */
@Singleton
public class TextInputModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("psi-text-input");
        module.addDeserializer(String.class, new CheckedStringDeserializer());
        module.addKeyDeserializer(String.class, new CheckedKeyDeserializer());
        mapper.registerModule(module);
    }

    /** Jackson's own string deserializer (with its coercions), then the check. */
    static final class CheckedStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            if (!TextInput.isClean(s)) {
                throw new InvalidTextException(p);
            }
            return s;
        }
    }

    static final class CheckedKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            if (!TextInput.isClean(key)) {
                throw new InvalidTextException(ctxt.getParser());
            }
            return key;
        }
    }
}
