package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compact binary form of a program: what a worker downloads. Identifiers go once into a
 * string table; integers are zig-zag varints; a {@link Reduce} is stored as the construct, not
 * its lowered tree. Nothing depends on the grid size, so a program has the same bytes for any
 * matrix. Layout: magic {@code "LP"}, version, string table, program.
 */
public final class ProgramCodec {
    private static final int VERSION = 1;
    private static final BinOp.Op[] BIN = BinOp.Op.values();
    private static final UnOp.Op[] UN = UnOp.Op.values();
    private static final CmpOp.Op[] CMP = CmpOp.Op.values();
    private static final MatrixDecl.Role[] ROLES = MatrixDecl.Role.values();

    private ProgramCodec() {
    }

    public static byte[] encode(Program program) {
        requireNonNull(program, "program is null");
        var w = new Writer();
        w.program(program);
        var out = new ByteArrayOutputStream();
        out.write('L');
        out.write('P');
        out.write(VERSION);
        var header = new Writer();
        header.varint(w.strings.size());
        for (String s : w.strings.keySet()) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            header.varint(b.length);
            header.out.writeBytes(b);
        }
        out.writeBytes(header.out.toByteArray());
        out.writeBytes(w.out.toByteArray());
        return out.toByteArray();
    }

    /**
     * @throws IllegalArgumentException if the bytes are not an encoded program (or the program
     *         they hold does not validate)
     */
    public static Program decode(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        if (bytes.length < 3 || bytes[0] != 'L' || bytes[1] != 'P') {
            throw new IllegalArgumentException("not an encoded LAmbdaPACK program");
        }
        if (bytes[2] != VERSION) {
            throw new IllegalArgumentException("unsupported program encoding version " + bytes[2]);
        }
        try {
            var r = new Reader(bytes, 3);
            int n = r.uint();
            for (int i = 0; i < n; i++) {
                int len = r.uint();
                r.strings.add(new String(bytes, r.pos, len, StandardCharsets.UTF_8));
                r.pos += len;
            }
            Program p = r.program();
            if (r.pos != bytes.length) {
                throw new IllegalArgumentException("trailing bytes after the program");
            }
            return p;
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated or corrupt program encoding", e);
        }
    }

    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Map<String, Integer> strings = new LinkedHashMap<>();

        void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void str(String s) {
            varint(strings.computeIfAbsent(s, k -> strings.size()));
        }

        void program(Program p) {
            str(p.name());
            varint(p.params().size());
            p.params().forEach(this::str);
            varint(p.matrices().size());
            for (MatrixDecl m : p.matrices()) {
                str(m.name());
                varint(m.role().ordinal());
                varint(m.rank());
                varint(m.initialFrom().isPresent() ? 1 : 0);
                m.initialFrom().ifPresent(this::str);
            }
            stmts(p.body().body());
        }

        void stmts(List<Stmt> list) {
            varint(list.size());
            list.forEach(this::stmt);
        }

        void stmt(Stmt s) {
            if (s instanceof KernelCall k) {
                varint(0);
                str(k.kernel());
                refs(k.outputs());
                refs(k.inputs());
                exprs(k.scalars());
                expr(k.priority());
                varint(k.gather().isPresent() ? 1 : 0);
                k.gather().ifPresent(g -> {
                    str(g.var());
                    expr(g.from());
                    expr(g.to());
                    refs(g.refs());
                });
            } else if (s instanceof Assign a) {
                varint(1);
                str(a.var());
                expr(a.value());
            } else if (s instanceof Block b) {
                varint(2);
                stmts(b.body());
            } else if (s instanceof If f) {
                varint(3);
                expr(f.condition());
                stmts(f.then().body());
                stmts(f.orElse().body());
            } else if (s instanceof For f) {
                varint(4);
                str(f.var());
                expr(f.from());
                expr(f.to());
                expr(f.step());
                stmts(f.body().body());
            } else if (s instanceof Reduce r) {
                // tag 6: a reduction with fixed leaf inputs; tag 5 keeps the bytes of the others unchanged
                varint(r.leafInputs().isEmpty() ? 5 : 6);
                str(r.var());
                expr(r.from());
                expr(r.to());
                varint(r.fanIn());
                ref(r.output());
                str(r.partials());
                str(r.leafKernel());
                refs(r.terms());
                exprs(r.leafScalars());
                str(r.combineKernel());
                exprs(r.combineScalars());
                expr(r.priority());
                if (!r.leafInputs().isEmpty()) {
                    refs(r.leafInputs());
                }
            }
        }

        void refs(List<TileRef> refs) {
            varint(refs.size());
            refs.forEach(this::ref);
        }

        void ref(TileRef r) {
            str(r.matrix());
            exprs(r.indices());
        }

        void exprs(List<Expr> es) {
            varint(es.size());
            es.forEach(this::expr);
        }

        void expr(Expr e) {
            if (e instanceof IntConst c) {
                varint(0);
                zigzag(c.value());
            } else if (e instanceof FloatConst f) {
                varint(1);
                long bits = Double.doubleToRawLongBits(f.value());
                for (int i = 0; i < 8; i++) {
                    out.write((int) (bits >>> (8 * i)));
                }
            } else if (e instanceof Ref r) {
                varint(2);
                str(r.name());
            } else if (e instanceof BinOp b) {
                varint(3 + b.op().ordinal());
                expr(b.left());
                expr(b.right());
            } else if (e instanceof UnOp u) {
                varint(3 + BIN.length + u.op().ordinal());
                expr(u.arg());
            } else if (e instanceof CmpOp c) {
                varint(3 + BIN.length + UN.length + c.op().ordinal());
                expr(c.left());
                expr(c.right());
            }
        }
    }

    private static final class Reader {
        final byte[] bytes;
        int pos;
        final List<String> strings = new ArrayList<>();

        Reader(byte[] bytes, int pos) {
            this.bytes = bytes;
            this.pos = pos;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = bytes[pos++] & 0xFF;
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("varint too long at byte " + pos);
        }

        int uint() {
            long v = varint();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("bad count " + v + " at byte " + pos);
            }
            return (int) v;
        }

        long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        String str() {
            return strings.get(uint());
        }

        Program program() {
            String name = str();
            var params = new ArrayList<String>();
            for (int i = uint(); i > 0; i--) {
                params.add(str());
            }
            var matrices = new ArrayList<MatrixDecl>();
            for (int i = uint(); i > 0; i--) {
                String m = str();
                MatrixDecl.Role role = ROLES[uint()];
                int rank = uint();
                Optional<String> init = uint() == 1 ? Optional.of(str()) : Optional.empty();
                matrices.add(new MatrixDecl(m, role, rank, init));
            }
            return new Program(name, params, matrices, new Block(stmts()));
        }

        List<Stmt> stmts() {
            var out = new ArrayList<Stmt>();
            for (int i = uint(); i > 0; i--) {
                out.add(stmt());
            }
            return out;
        }

        Stmt stmt() {
            int tag = uint();
            return switch (tag) {
                case 0 -> {
                    String kernel = str();
                    List<TileRef> outputs = refs();
                    List<TileRef> inputs = refs();
                    List<Expr> scalars = exprs();
                    Expr priority = expr();
                    Optional<Gather> gather = uint() == 1 ? Optional.of(new Gather(str(), expr(), expr(), refs())) : Optional.empty();
                    yield new KernelCall(kernel, outputs, inputs, scalars, priority, gather);
                }
                case 1 -> new Assign(str(), expr());
                case 2 -> new Block(stmts());
                case 3 -> new If(expr(), new Block(stmts()), new Block(stmts()));
                case 4 -> new For(str(), expr(), expr(), expr(), new Block(stmts()));
                case 5 -> new Reduce(str(), expr(), expr(), uint(), ref(), str(), str(), refs(), exprs(), str(), exprs(), expr());
                case 6 -> new Reduce(str(), expr(), expr(), uint(), ref(), str(), str(), refs(), exprs(), str(), exprs(), expr(), refs());
                default -> throw new IllegalArgumentException("unknown statement tag " + tag + " at byte " + pos);
            };
        }

        List<TileRef> refs() {
            var out = new ArrayList<TileRef>();
            for (int i = uint(); i > 0; i--) {
                out.add(ref());
            }
            return out;
        }

        TileRef ref() {
            return new TileRef(str(), exprs());
        }

        List<Expr> exprs() {
            var out = new ArrayList<Expr>();
            for (int i = uint(); i > 0; i--) {
                out.add(expr());
            }
            return out;
        }

        Expr expr() {
            int tag = uint();
            if (tag == 0) {
                return new IntConst(zigzag());
            }
            if (tag == 1) {
                long bits = 0;
                for (int i = 0; i < 8; i++) {
                    bits |= (long) (bytes[pos++] & 0xFF) << (8 * i);
                }
                return new FloatConst(Double.longBitsToDouble(bits));
            }
            if (tag == 2) {
                return new Ref(str());
            }
            int t = tag - 3;
            if (t < BIN.length) {
                return new BinOp(BIN[t], expr(), expr());
            }
            t -= BIN.length;
            if (t < UN.length) {
                return new UnOp(UN[t], expr());
            }
            t -= UN.length;
            if (t < CMP.length) {
                return new CmpOp(CMP[t], expr(), expr());
            }
            throw new IllegalArgumentException("unknown expression tag " + tag + " at byte " + pos);
        }
    }
}
