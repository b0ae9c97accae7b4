package org.wren4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wren4j.tiles.internal.JsonWriter;

/** A one-line JSON object writer for figures (numbers, strings, booleans), in insertion order. */
final class Json {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Json put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    @Override
    public String toString() {
        return JsonWriter.object(fields);
    }
}
