package org.wren4j.interop;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wren4j.api.BlockMatrix;

/**
 * The result of loading a table.
 *
 * @param features the selected columns as a matrix, one row per loaded table row
 * @param label the label column as an {@code n x 1} matrix, if one was asked for
 * @param columnNames the name of every matrix column, in order; a one-hot column {@code c} with
 *     category {@code v} is named {@code c=v}
 * @param oneHotMappings for each one-hot encoded table column, its categories in the order of
 *     their matrix columns (so the index of the largest of those columns decodes a prediction)
 * @param labelClasses for a text label, the class names: label value {@code k} stands for
 *     {@code labelClasses.get(k)}; empty for a numeric label
 * @param rowsRead table rows read
 * @param rowsDropped rows left out by {@link NullPolicy#dropRow()}
 * @param droppedColumns text columns a load without a column selection left out, in table order;
 *     {@link LoadOptions.Builder#oneHot(String)} keeps one
 */
public record LoadedTable(BlockMatrix features, Optional<BlockMatrix> label, List<String> columnNames,
        Map<String, List<String>> oneHotMappings, List<String> labelClasses, long rowsRead, long rowsDropped,
        List<String> droppedColumns) {
    public LoadedTable {
        requireNonNull(features, "features is null");
        requireNonNull(label, "label is null");
        columnNames = List.copyOf(columnNames);
        var mappings = new LinkedHashMap<String, List<String>>();
        oneHotMappings.forEach((k, v) -> mappings.put(k, List.copyOf(v)));
        oneHotMappings = Collections.unmodifiableMap(mappings);
        labelClasses = List.copyOf(labelClasses);
        droppedColumns = List.copyOf(droppedColumns);
        if (columnNames.size() != features.cols()) {
            throw new IllegalArgumentException(columnNames.size() + " column names for a matrix of " + features.rows() + "x" + features.cols());
        }
    }

    /** Rows in the matrix: {@code rowsRead - rowsDropped}. */
    public long rows() {
        return rowsRead - rowsDropped;
    }
}
