package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts several program calls into ONE program, so that no barrier separates them: a task of a
 * later part depends on exactly the tiles of an earlier part it reads, through the ordinary
 * dependency analysis. Each part's parameters, variables and temporaries get the prefix
 * {@code k<index>_}; its input and output matrices are mapped to shared names. Priorities order
 * by part first, then by the part's own priority: an earlier (upstream) part's ready tasks go
 * first, and a later part's tasks fill workers the upstream part leaves idle (e.g. forward
 * substitution runs while the tail of a factorization has little parallelism).
 */
public final class ProgramFusion {
    private ProgramFusion() {
    }

    /** One call: the program, its arguments, and the shared name of each of its input and output matrices. */
    public record Part(Program program, Map<String, Long> args, Map<String, String> matrices) {
        public Part {
            requireNonNull(program, "program is null");
            args = Map.copyOf(args);
            matrices = Map.copyOf(matrices);
            for (MatrixDecl m : program.matrices()) {
                if (m.role() != MatrixDecl.Role.TEMP && !matrices.containsKey(m.name())) {
                    throw new IllegalArgumentException("program " + program.name() + ": matrix " + m.name() + " is not mapped to a shared name");
                }
            }
        }
    }

    /** Parts' priorities are offset by {@code part << PART_SHIFT}; a part's own priorities stay below 2^40. */
    static final int PART_SHIFT = 40;

    private static Block offsetPriorities(Block b, long offset) {
        return new Block(b.body().stream().map(s -> offsetPriorities(s, offset)).toList());
    }

    private static Stmt offsetPriorities(Stmt s, long offset) {
        if (s instanceof KernelCall k) {
            return k.withPriority(Expr.add(new IntConst(offset), k.priority()));
        }
        if (s instanceof Block b) {
            return offsetPriorities(b, offset);
        }
        if (s instanceof If f) {
            return new If(f.condition(), offsetPriorities(f.then(), offset), offsetPriorities(f.orElse(), offset));
        }
        if (s instanceof For f) {
            return new For(f.var(), f.from(), f.to(), f.step(), offsetPriorities(f.body(), offset));
        }
        return s; // Assign; reductions were lowered by the renamer
    }

    /** The fused program and its arguments. */
    public record Fused(Program program, Map<String, Long> args) {
    }

    /**
     * @param shared role of every shared matrix (INPUT: read only; OUTPUT: the result; TEMP: an intermediate)
     */
    public static Fused fuse(String name, List<Part> parts, Map<String, MatrixDecl.Role> shared) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to fuse");
        }
        var params = new ArrayList<String>();
        var args = new LinkedHashMap<String, Long>();
        var decls = new ArrayList<MatrixDecl>();
        // a shared matrix has the rank its parts declare (reflector grids have a version index)
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (Part part : parts) {
            for (MatrixDecl m : part.program().matrices()) {
                String to = part.matrices().get(m.name());
                if (m.role() != MatrixDecl.Role.TEMP && to != null) {
                    Integer before = ranks.put(to, m.rank());
                    if (before != null && before != m.rank()) {
                        throw new IllegalArgumentException("shared matrix " + to + " has rank " + before + " in one part and " + m.rank() + " in another");
                    }
                }
            }
        }
        shared.forEach((m, role) -> decls.add(new MatrixDecl(m, role, ranks.getOrDefault(m, 2), java.util.Optional.empty())));
        var body = new ArrayList<Stmt>();
        for (int index = 0; index < parts.size(); index++) {
            final int k = index;
            Part part = parts.get(k);
            String prefix = "k" + k + "_";
            Map<String, String> mats = new LinkedHashMap<>(part.matrices());
            for (MatrixDecl m : part.program().matrices()) {
                if (m.role() == MatrixDecl.Role.TEMP) {
                    mats.put(m.name(), prefix + m.name());
                } else if (!shared.containsKey(mats.get(m.name()))) {
                    throw new IllegalArgumentException("part " + k + " maps " + m.name() + " to undeclared shared matrix " + mats.get(m.name()));
                }
            }
            var renamer = new ProgramRenamer(v -> prefix + v, m -> {
                String to = mats.get(m);
                if (to == null) {
                    throw new IllegalArgumentException("part " + k + " (" + part.program().name() + ") uses unmapped matrix " + m);
                }
                return to;
            });
            for (String p : part.program().params()) {
                Long value = part.args().get(p);
                if (value == null) {
                    throw new IllegalArgumentException("part " + k + " (" + part.program().name() + ") needs parameter " + p);
                }
                params.add(prefix + p);
                args.put(prefix + p, value);
            }
            for (MatrixDecl m : part.program().matrices()) {
                if (m.role() == MatrixDecl.Role.TEMP) {
                    decls.add(renamer.decl(m));
                }
            }
            Block renamed = renamer.block(part.program().body());
            body.addAll(k == 0 ? renamed.body() : offsetPriorities(renamed, (long) k << PART_SHIFT).body());
        }
        return new Fused(new Program(name, params, decls, new Block(body)), args);
    }
}
