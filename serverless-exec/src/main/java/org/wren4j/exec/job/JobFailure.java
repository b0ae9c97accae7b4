package org.wren4j.exec.job;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.wren4j.exec.services.FlatJson;

/**
 * Why a job failed, as the runtime state keeps it: the kind (which decides what a caller can do
 * about it), the cause in a few words, where it happened when a stored tile is to blame, and
 * the whole technical account (task, program text, stored inputs) for a bug report.
 *
 * @param reason the cause without the place, e.g. "not positive definite: the leading minor of order 3 is not positive"
 * @param place  the stored tile to blame, if any
 * @param detail the full one-line account
 */
public record JobFailure(Kind kind, String reason, Optional<Place> place, String detail) {
    /** What failed, by what a caller can do about it. */
    public enum Kind {
        /** A matrix is not positive definite, or singular: the input's fault. */
        SINGULAR,
        /** A NaN or an infinity in an input, or an overflow inside a kernel. */
        NON_FINITE,
        /** Tiles could not be read or written, after retries. */
        STORAGE,
        /** Anything else (a bug, a worker that kept failing). */
        FAILED,
        CANCELLED,
        TIMED_OUT
    }

    /**
     * A tile of a stored matrix (its name in the store; temporaries have none worth showing) and,
     * when known, the element of the whole matrix; -1 where unknown.
     */
    public record Place(String storeMatrix, long tileRow, long tileCol, long row, long col) {
        public Place {
            requireNonNull(storeMatrix, "storeMatrix is null");
        }

        public boolean hasElement() {
            return row >= 0 && col >= 0;
        }
    }

    public JobFailure {
        requireNonNull(kind, "kind is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(place, "place is null");
        requireNonNull(detail, "detail is null");
    }

    /** A failure without a place, whose reason is its whole account. */
    public static JobFailure of(Kind kind, String message) {
        return new JobFailure(kind, message, Optional.empty(), message);
    }

    /** As the runtime state keeps it: one flat JSON object (a plain string from an older worker reads as {@link Kind#FAILED}). */
    public String encode() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("failure", "1");
        m.put("kind", kind.name());
        m.put("reason", reason);
        place.ifPresent(p -> {
            m.put("matrix", p.storeMatrix());
            m.put("tile", p.tileRow() + "," + p.tileCol());
            if (p.hasElement()) {
                m.put("element", p.row() + "," + p.col());
            }
        });
        m.put("detail", detail);
        return FlatJson.write(m);
    }

    /** What {@link #encode()} wrote; any other text is a {@link Kind#FAILED} failure with that text. */
    public static JobFailure decode(String stored) {
        requireNonNull(stored, "stored is null");
        if (!stored.startsWith("{")) {
            return of(Kind.FAILED, stored);
        }
        try {
            Map<String, String> m = FlatJson.read(stored);
            if (!"1".equals(m.get("failure"))) {
                return of(Kind.FAILED, stored);
            }
            Optional<Place> place = Optional.empty();
            if (m.containsKey("matrix")) {
                long[] tile = pair(m.get("tile"));
                long[] element = m.containsKey("element") ? pair(m.get("element")) : new long[] {-1, -1};
                place = Optional.of(new Place(m.get("matrix"), tile[0], tile[1], element[0], element[1]));
            }
            return new JobFailure(Kind.valueOf(m.get("kind")), m.get("reason"), place, m.get("detail"));
        } catch (RuntimeException e) {
            return of(Kind.FAILED, stored); // not ours after all: show it as it is
        }
    }

    private static long[] pair(String s) {
        String[] p = s.split(",");
        return new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])};
    }
}
