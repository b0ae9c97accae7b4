package org.wren4j.exec.job;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.lambdapack.ProgramCodec;
import org.wren4j.tiles.StoredTiles;

/**
 * The stored form of a {@link JobSpec}: what a worker in another process (or a re-attaching
 * client) downloads to run tasks of the job. Layout: magic {@code "WJ"}, version, job id,
 * operation, dry-run flag, simulated GFLOP/s, program bytes ({@link ProgramCodec}), arguments, bindings; maps are
 * written in key order so the same spec always has the same bytes.
 */
public final class JobSpecCodec {
    private static final int VERSION = 2;
    /** Stored tiles by wire code; the codes are the old {@code exec.job.Structure} ordinals, so version 2 bytes are unchanged. */
    private static final List<StoredTiles> STORED_TILES = List.of(StoredTiles.ALL, StoredTiles.LOWER_TRIANGLE, StoredTiles.UPPER_TRIANGLE,
            StoredTiles.LOWER_MIRRORED);

    private JobSpecCodec() {
    }

    public static byte[] encode(JobSpec spec) {
        requireNonNull(spec, "spec is null");
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte('W');
            out.writeByte('J');
            out.writeByte(VERSION);
            out.writeUTF(spec.jobId());
            out.writeUTF(spec.operation());
            out.writeBoolean(spec.dryRun());
            out.writeDouble(spec.simulatedGflops());
            byte[] program = ProgramCodec.encode(spec.program());
            out.writeInt(program.length);
            out.write(program);
            out.writeInt(spec.args().size());
            for (var e : new TreeMap<>(spec.args()).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeInt(spec.bindings().size());
            for (var e : new TreeMap<>(spec.bindings()).entrySet()) {
                MatrixBinding b = e.getValue();
                out.writeUTF(e.getKey());
                out.writeUTF(b.storeMatrix());
                out.writeLong(b.rows());
                out.writeLong(b.cols());
                out.writeInt(b.blockSize());
                out.writeByte(STORED_TILES.indexOf(b.storedTiles()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException if the bytes are not an encoded job spec */
    public static JobSpec decode(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        if (bytes.length < 3 || bytes[0] != 'W' || bytes[1] != 'J') {
            throw new IllegalArgumentException("not an encoded job spec");
        }
        if (bytes[2] != VERSION) {
            throw new IllegalArgumentException("unsupported job spec version " + bytes[2]);
        }
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes, 3, bytes.length - 3))) {
            String jobId = in.readUTF();
            String operation = in.readUTF();
            boolean dryRun = in.readBoolean();
            double simulatedGflops = in.readDouble();
            byte[] program = new byte[in.readInt()];
            in.readFully(program);
            Program p = ProgramCodec.decode(program);
            int nargs = in.readInt();
            Map<String, Long> args = new LinkedHashMap<>();
            for (int i = 0; i < nargs; i++) {
                args.put(in.readUTF(), in.readLong());
            }
            int nbind = in.readInt();
            Map<String, MatrixBinding> bindings = new LinkedHashMap<>();
            for (int i = 0; i < nbind; i++) {
                String name = in.readUTF();
                bindings.put(name, new MatrixBinding(in.readUTF(), in.readLong(), in.readLong(), in.readInt(), storedTiles(in.readByte())));
            }
            return new JobSpec(jobId, operation, p, args, bindings, dryRun, simulatedGflops);
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated or corrupt job spec: " + e, e);
        }
    }

    private static StoredTiles storedTiles(byte code) {
        if (code < 0 || code >= STORED_TILES.size()) {
            throw new IllegalArgumentException("unknown stored-tiles code " + code + " in job spec");
        }
        return STORED_TILES.get(code);
    }
}
