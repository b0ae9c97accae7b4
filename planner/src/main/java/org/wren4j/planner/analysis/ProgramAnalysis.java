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
    private final Map<String, List<CompiledStatement>> writerStatements = new HashMap<>();
    private final Map<Integer, StartingTasks> startingByStatement = new java.util.concurrent.ConcurrentHashMap<>();
    /** Initial matrix (written by the program) -> temporaries initialised from it. */
    private final Map<String, List<String>> initialisedFromWritten = new HashMap<>();

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
            s.outputs().forEach(r -> {
                List<CompiledStatement> ws = writerStatements.computeIfAbsent(r.matrix(), m -> new ArrayList<>());
                if (!ws.contains(s)) {
                    ws.add(s);
                }
            });
        }
        for (MatrixDecl m : program.matrices()) {
            m.initialFrom().filter(writers::containsKey)
                    .ifPresent(init -> initialisedFromWritten.computeIfAbsent(init, k -> new ArrayList<>()).add(m.name()));
        }
        for (List<String> temps : initialisedFromWritten.values()) {
            for (String temp : temps) {
                if (readers.getOrDefault(temp, List.of()).stream().anyMatch(u -> u.ref().gathered())) {
                    throw new IllegalArgumentException("program " + program.name() + ": temporary " + temp
                            + " is initialised from a matrix the program writes and read in a gather; not supported");
                }
            }
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
            forEachReader(t, out::add);
        }
        return List.copyOf(out);
    }

    /**
     * The number of distinct tasks that read the stored tile {@code tile}, a tile some task of
     * the program writes: the tasks that read it by name, and those that read an unwritten tile
     * of a temporary initialised from it (whose {@link #source} it is). A task that reads it
     * twice counts once. Once that many tasks have completed, nothing reads the tile again, so a
     * temporary's tile can be deleted (garbage collection).
     */
    public int readerCount(ConcreteTile tile) {
        Set<Node> out = new java.util.HashSet<>();
        forEachReader(tile, out::add);
        return out.size();
    }

    /**
     * For each distinct stored tile of a temporary that {@code node} reads (its inputs mapped
     * through {@link #source}, so a tile of a temporary initialised from an input matrix is not
     * one), the {@link #readerCount} of that tile, in input order. Inputs and outputs of the
     * program are never in it.
     */
    public Map<ConcreteTile, Integer> temporaryInputReaders(Node node) {
        var out = new java.util.LinkedHashMap<ConcreteTile, Integer>();
        for (ConcreteTile in : inputs(node)) {
            ConcreteTile src = source(in);
            if (program.requireMatrix(src.matrix()).role() == MatrixDecl.Role.TEMP && !out.containsKey(src)) {
                out.put(src, readerCount(src));
            }
        }
        return out;
    }

    /** Calls {@code sink} for each task that reads written tile {@code t} (a task may come more than once). */
    private void forEachReader(ConcreteTile t, Consumer<Node> sink) {
        for (Use use : readers.getOrDefault(t.matrix(), List.of())) {
            Solver.solve(use.stmt(), use.ref(), t.indices(), env -> {
                sink.accept(new Node(use.stmt().id(), env));
                return true;
            });
        }
        // readers of an unwritten tile of a temporary initialised from this tile
        for (String temp : initialisedFromWritten.getOrDefault(t.matrix(), List.of())) {
            for (Use use : readers.getOrDefault(temp, List.of())) {
                Ix[] idx = use.ref().indices();
                var rowCol = new CompiledStatement.CompiledRef(temp, new Ix[] {idx[idx.length - 2], idx[idx.length - 1]}, use.ref().readyDepth(), false);
                Solver.solve(use.stmt(), rowCol, new long[] {t.row(), t.col()}, env -> {
                    ConcreteTile read = new ConcreteTile(temp, use.ref().eval(env));
                    if (directWriter(read).isEmpty()) {
                        sink.accept(new Node(use.stmt().id(), env));
                    }
                    return true;
                });
            }
        }
    }

    /** The tasks that write a tile {@code node} reads; tiles nobody writes are program inputs. */
    public List<Node> parents(Node node) {
        Set<Node> out = new LinkedHashSet<>();
        for (ConcreteTile t : inputs(node)) {
            writer(t).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * The unique task that writes {@code tile}, or empty if the program never writes it. An
     * unwritten tile of a temporary initialised from a matrix the program writes is written by
     * the writer of the initial tile.
     */
    public Optional<Node> writer(ConcreteTile tile) {
        Optional<Node> direct = directWriter(tile);
        if (direct.isPresent() || initialisedFromWritten.isEmpty()) {
            return direct;
        }
        MatrixDecl decl = program.matrix(tile.matrix()).orElse(null);
        if (decl != null && decl.initialFrom().isPresent() && initialisedFromWritten.containsKey(decl.initialFrom().get())) {
            return directWriter(new ConcreteTile(decl.initialFrom().get(), tile.row(), tile.col()));
        }
        return direct;
    }

    private Optional<Node> directWriter(ConcreteTile tile) {
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
        if (decl.initialFrom().isPresent() && directWriter(tile).isEmpty()) {
            return new ConcreteTile(decl.initialFrom().get(), tile.row(), tile.col());
        }
        return tile;
    }

    /**
     * Calls {@code sink} for every task with no parents, without walking the whole iteration
     * space: a statement whose inputs nobody writes contributes all its tasks; otherwise a walk
     * pruned as soon as an input is known to be produced, with loops that cannot change the
     * answer visited once (see {@code StartingTasks}).
     */
    public void forEachStartingTask(Consumer<Node> sink) {
        for (CompiledStatement s : statements) {
            starting(s).forEach(this::hasWriter, env -> sink.accept(new Node(s.id(), env)));
        }
    }

    /** The number of starting tasks, found without listing those of statements that start entirely. */
    public long startingTaskCount() {
        long total = 0;
        for (CompiledStatement s : statements) {
            total += starting(s).count(this::hasWriter);
        }
        return total;
    }

    private StartingTasks starting(CompiledStatement s) {
        return startingByStatement.computeIfAbsent(s.id(), id -> new StartingTasks(s, writerStatements, chainedTemporaries()));
    }

    private java.util.Set<String> chainedTemporaries() {
        var out = new java.util.HashSet<String>();
        initialisedFromWritten.values().forEach(out::addAll);
        return out;
    }

    public List<Node> startingTasks() {
        var out = new ArrayList<Node>();
        forEachStartingTask(out::add);
        return out;
    }

    private boolean hasWriter(String matrix, long[] indices) {
        return writer(new ConcreteTile(matrix, indices)).isPresent();
    }

    /**
     * Number of tasks, in closed form where the loop structure allows (see {@code Counter}):
     * affine loop nests are summed symbolically, independent loops multiply, and only loops with
     * nonlinear bounds that inner loops depend on (tree levels) are enumerated.
     */
    public long taskCount() {
        long total = 0;
        for (CompiledStatement s : statements) {
            total += Counter.count(s);
        }
        return total;
    }

    /** Number of tasks of one statement; see {@link #taskCount()}. */
    public long taskCount(int statement) {
        return Counter.count(stmt(statement));
    }

    /**
     * Up to {@code count} tasks drawn at random (statements in proportion to their task counts,
     * loop values uniformly, guards by rejection), for measurements; deterministic for a seed.
     */
    public List<Node> sampleTasks(int count, long seed) {
        var random = new java.util.Random(seed);
        long[] weights = new long[statements.size()];
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Counter.count(statements.get(i));
            total += weights[i];
        }
        var out = new ArrayList<Node>();
        for (int attempt = 0; out.size() < count && total > 0 && attempt < 1000L * count; attempt++) {
            long pick = Math.floorMod(random.nextLong(), total);
            int id = 0;
            while (pick >= weights[id]) {
                pick -= weights[id++];
            }
            long[] env = draw(statements.get(id), random);
            if (env != null) {
                out.add(new Node(id, env));
            }
        }
        return out;
    }

    private static long[] draw(CompiledStatement s, java.util.Random random) {
        long[] env = new long[s.depth()];
        for (CompiledStatement.Scope sc : s.scopes()) {
            if (sc instanceof CompiledStatement.Loop l) {
                long from = l.from().eval(env);
                long step = l.step().eval(env);
                long trips = (l.to().eval(env) - from + step - 1) / step;
                if (trips <= 0) {
                    return null;
                }
                env[l.slot()] = from + step * Math.floorMod(random.nextLong(), trips);
            } else if (((CompiledStatement.Guard) sc).condition().eval(env) == 0) {
                return null;
            }
        }
        return env;
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
