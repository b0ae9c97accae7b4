package org.wren4j.planner.analysis;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.wren4j.planner.lambdapack.KernelCall;
import org.wren4j.planner.lambdapack.MatrixDecl;
import org.wren4j.planner.lambdapack.Program;

/**
 * Dependency analysis of a program with its parameters bound. Nothing here materialises the
 * task graph: children and parents of a task are found by solving the index equations of the
 * statements that read (or write) the tiles it writes (or reads), in time that depends on the
 * program, not on the matrix. Thread-safe and immutable.
 */
public final class ProgramAnalysis {
    private final Program program;
    private final Map<String, Long> args;
    private final List<CompiledStatement> statements;
    private final Map<String, List<Use>> readers = new HashMap<>();
    private final Map<String, List<Use>> writers = new HashMap<>();

    /** Statement {@code stmt} uses a matrix at position {@code ref} of its inputs or outputs. */
    private record Use(CompiledStatement stmt, CompiledStatement.CompiledRef ref) {
    }

    private ProgramAnalysis(Program program, Map<String, Long> args) {
        this.program = requireNonNull(program, "program is null");
        this.args = Map.copyOf(requireNonNull(args, "args is null"));
        this.statements = StatementCompiler.compile(program, this.args);
        for (CompiledStatement s : statements) {
            s.inputs().forEach(r -> readers.computeIfAbsent(r.matrix(), m -> new ArrayList<>()).add(new Use(s, r)));
            s.gathered().forEach(r -> readers.computeIfAbsent(r.matrix(), m -> new ArrayList<>()).add(new Use(s, r)));
            s.outputs().forEach(r -> writers.computeIfAbsent(r.matrix(), m -> new ArrayList<>()).add(new Use(s, r)));
        }
    }

    /**
     * @throws IllegalArgumentException if {@code args} does not bind exactly the program's parameters
     */
    public static ProgramAnalysis of(Program program, Map<String, Long> args) {
        return new ProgramAnalysis(program, args);
    }

    public Program program() {
        return program;
    }

    public Map<String, Long> args() {
        return args;
    }

    public int statementCount() {
        return statements.size();
    }

    public KernelCall statement(int id) {
        return stmt(id).call();
    }

    public List<String> loopVariables(int statement) {
        return stmt(statement).loopVars();
    }

    private CompiledStatement stmt(int id) {
        if (id < 0 || id >= statements.size()) {
            throw new IllegalArgumentException("program " + program.name() + " has no statement " + id);
        }
        return statements.get(id);
    }

    /** Whether {@code node} is a task of this program: loop values in range and guards true. */
    public boolean contains(Node node) {
        if (node.statement() >= statements.size()) {
            return false;
        }
        CompiledStatement s = statements.get(node.statement());
        if (node.loopCount() != s.depth()) {
            return false;
        }
        long[] env = node.loopValues();
        for (CompiledStatement.Scope sc : s.scopes()) {
            if (sc instanceof CompiledStatement.Loop l) {
                long v = env[l.slot()];
                long from = l.from().eval(env);
                long step = l.step().eval(env);
                if (v < from || v >= l.to().eval(env) || (v - from) % step != 0) {
                    return false;
                }
            } else if (((CompiledStatement.Guard) sc).condition().eval(env) == 0) {
                return false;
            }
        }
        return true;
    }

    private long[] env(Node node) {
        CompiledStatement s = stmt(node.statement());
        if (node.loopCount() != s.depth()) {
            throw new IllegalArgumentException("task " + node + " needs " + s.depth() + " loop values for statement '" + s.call() + "'");
        }
        return node.loopValues();
    }

    /** The tiles {@code node} reads, in kernel argument order: fixed inputs, then gathered ones. */
    public List<ConcreteTile> inputs(Node node) {
        CompiledStatement s = stmt(node.statement());
        long[] env = env(node);
        List<ConcreteTile> fixed = concrete(s.inputs(), env);
        if (s.gather() == null) {
            return fixed;
        }
        var out = new ArrayList<>(fixed);
        out.addAll(s.gatheredTiles(env));
        return out;
    }

    public List<ConcreteTile> outputs(Node node) {
        return concrete(stmt(node.statement()).outputs(), env(node));
    }

    private static List<ConcreteTile> concrete(List<CompiledStatement.CompiledRef> refs, long[] env) {
        var out = new ArrayList<ConcreteTile>(refs.size());
        for (CompiledStatement.CompiledRef r : refs) {
            out.add(new ConcreteTile(r.matrix(), r.eval(env)));
        }
        return out;
    }

    public double[] scalars(Node node) {
        long[] env = env(node);
        var scalars = stmt(node.statement()).scalars();
        double[] out = new double[scalars.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = scalars.get(i).applyAsDouble(env);
        }
        return out;
    }

    public long priority(Node node) {
        return stmt(node.statement()).priority().eval(env(node));
    }

    /** The tasks that read a tile {@code node} writes, in a deterministic order, without repeats. */
    public List<Node> children(Node node) {
        Set<Node> out = new LinkedHashSet<>();
        for (ConcreteTile t : outputs(node)) {
            for (Use use : readers.getOrDefault(t.matrix(), List.of())) {
                Solver.solve(use.stmt(), use.ref(), t.indices(), env -> {
                    out.add(new Node(use.stmt().id(), env));
                    return true;
                });
            }
        }
        return List.copyOf(out);
    }

    /** The tasks that write a tile {@code node} reads; tiles nobody writes are program inputs. */
    public List<Node> parents(Node node) {
        Set<Node> out = new LinkedHashSet<>();
        for (ConcreteTile t : inputs(node)) {
            writer(t).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** The unique task that writes {@code tile}, or empty if the program never writes it. */
    public Optional<Node> writer(ConcreteTile tile) {
        Node[] found = {null};
        for (Use use : writers.getOrDefault(tile.matrix(), List.of())) {
            if (use.ref().indices().length != tile.rank()) {
                continue;
            }
            Solver.solve(use.stmt(), use.ref(), tile.indices(), env -> {
                found[0] = new Node(use.stmt().id(), env);
                return false;
            });
            if (found[0] != null) {
                return Optional.of(found[0]);
            }
        }
        return Optional.empty();
    }

    /**
     * Where the bytes of an input tile come from: the tile itself if some task writes it or
     * it belongs to an input matrix, else the tile of the temporary's initial matrix.
     */
    public ConcreteTile source(ConcreteTile tile) {
        MatrixDecl decl = program.requireMatrix(tile.matrix());
        if (decl.initialFrom().isPresent() && writer(tile).isEmpty()) {
            return new ConcreteTile(decl.initialFrom().get(), tile.row(), tile.col());
        }
        return tile;
    }

    /** Calls {@code sink} for every task with no parents, without walking the whole iteration space. */
    public void forEachStartingTask(Consumer<Node> sink) {
        for (CompiledStatement s : statements) {
            Enumerator.starting(s, this::hasWriter, env -> sink.accept(new Node(s.id(), env)));
        }
    }

    public List<Node> startingTasks() {
        var out = new ArrayList<Node>();
        forEachStartingTask(out::add);
        return out;
    }

    private boolean hasWriter(String matrix, long[] indices) {
        return writer(new ConcreteTile(matrix, indices)).isPresent();
    }

    /** Number of tasks; the innermost loop of each statement is counted in closed form. */
    public long taskCount() {
        long total = 0;
        for (CompiledStatement s : statements) {
            total += Enumerator.count(s);
        }
        return total;
    }

    /** Every task, by brute-force enumeration of the iteration space: for tests and small grids. */
    public void forEachTask(Consumer<Node> sink) {
        for (CompiledStatement s : statements) {
            Enumerator.all(s, env -> sink.accept(new Node(s.id(), env)));
        }
    }

    /** {@code O[2, 1] = trsm(O[1, 1], S[1, 2, 1])  with i=1, j=2}. */
    public String describe(Node node) {
        CompiledStatement s = stmt(node.statement());
        long[] env = env(node);
        var sb = new StringBuilder();
        sb.append(String.join(", ", concrete(s.outputs(), env).stream().map(ConcreteTile::toString).toList()));
        sb.append(" = ").append(s.call().kernel()).append('(');
        sb.append(String.join(", ", inputs(node).stream().map(ConcreteTile::toString).toList()));
        sb.append(')');
        if (s.depth() > 0) {
            sb.append("  with ");
            for (int i = 0; i < s.depth(); i++) {
                sb.append(i == 0 ? "" : ", ").append(s.loopVars().get(i)).append('=').append(env[i]);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return program.name() + args;
    }
}
