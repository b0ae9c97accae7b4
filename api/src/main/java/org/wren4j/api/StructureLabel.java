package org.wren4j.api;

import org.wren4j.exec.job.Structure;

/**
 * The manifest's free-form {@code structure} text for what the planner knows of a matrix plus
 * which of its tiles are stored, and back: {@code spd} (every tile stored) differs from
 * {@code spd; lower tiles only} (tile (i, j) above the diagonal is read as the transpose of (j, i)).
 */
record StructureLabel(org.wren4j.planner.expr.Structure kind, Structure layout) {
    private static final String LOWER_ONLY = "; lower tiles only";

    static StructureLabel of(org.wren4j.planner.expr.Structure kind, Structure layout) {
        if (layout == Structure.SYMMETRIC && !kind.symmetric()) {
            // Only symmetric matrices are stored by halves, whatever the handle says.
            kind = org.wren4j.planner.expr.Structure.SYMMETRIC;
        }
        return new StructureLabel(kind, layout);
    }

    String text() {
        String k = switch (kind) {
            case GENERAL -> "general";
            case LOWER -> "lower-triangular";
            case UPPER -> "upper-triangular";
            case SYMMETRIC -> "symmetric";
            case PSD -> "psd";
            case SPD -> "spd";
        };
        return layout == Structure.SYMMETRIC ? k + LOWER_ONLY : k;
    }

    /** @throws WrenException naming the matrix if the text is not one this build writes */
    static StructureLabel parse(String matrix, String text) {
        boolean lowerOnly = text.endsWith(LOWER_ONLY);
        String k = lowerOnly ? text.substring(0, text.length() - LOWER_ONLY.length()) : text;
        var kind = switch (k.trim()) {
            case "general" -> org.wren4j.planner.expr.Structure.GENERAL;
            case "lower-triangular" -> org.wren4j.planner.expr.Structure.LOWER;
            case "upper-triangular" -> org.wren4j.planner.expr.Structure.UPPER;
            case "symmetric" -> org.wren4j.planner.expr.Structure.SYMMETRIC;
            case "psd" -> org.wren4j.planner.expr.Structure.PSD;
            case "spd" -> org.wren4j.planner.expr.Structure.SPD;
            default -> throw new WrenException("matrix " + matrix + " has structure '" + text + "', which this build cannot read "
                    + "(known: general, lower-triangular, upper-triangular, symmetric, psd, spd, each optionally with '" + LOWER_ONLY + "')");
        };
        if (lowerOnly && !kind.symmetric()) {
            throw new WrenException("matrix " + matrix + " has structure '" + text + "': only a symmetric matrix can keep lower tiles only");
        }
        Structure layout = lowerOnly ? Structure.SYMMETRIC : switch (kind) {
            case LOWER -> Structure.LOWER;
            case UPPER -> Structure.UPPER;
            default -> Structure.GENERAL;
        };
        return new StructureLabel(kind, layout);
    }
}
