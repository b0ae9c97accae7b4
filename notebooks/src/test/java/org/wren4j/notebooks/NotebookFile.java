package org.wren4j.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A notebook file read for checking: its kernel, its code cells and their outputs. */
record NotebookFile(Path path, String kernelName, List<Cell> codeCells) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A code cell: its source, whether it was executed, and its outputs as (type, name or mime, text). */
    record Cell(int index, String source, boolean executed, List<Output> outputs) {
    }

    record Output(String type, String name, String text) {
    }

    static NotebookFile read(Path path) {
        JsonNode root;
        try {
            root = JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading notebook " + path + " failed", e);
        }
        var cells = new ArrayList<Cell>();
        int index = 0;
        for (JsonNode cell : root.path("cells")) {
            index++;
            if (!"code".equals(cell.path("cell_type").asText())) {
                continue;
            }
            var outputs = new ArrayList<Output>();
            for (JsonNode out : cell.path("outputs")) {
                String type = out.path("output_type").asText();
                switch (type) {
                    case "stream" -> outputs.add(new Output(type, out.path("name").asText(), text(out.path("text"))));
                    case "error" -> outputs.add(new Output(type, out.path("ename").asText(),
                            out.path("evalue").asText() + "\n" + text(out.path("traceback"))));
                    default -> out.path("data").fields().forEachRemaining(
                            e -> outputs.add(new Output(type, e.getKey(), text(e.getValue()))));
                }
            }
            cells.add(new Cell(index, text(cell.path("source")), !cell.path("execution_count").isNull(), outputs));
        }
        return new NotebookFile(path, root.path("metadata").path("kernelspec").path("name").asText(), List.copyOf(cells));
    }

    /** Jupyter stores multi-line text either as one string or as a list of lines. */
    private static String text(JsonNode node) {
        if (node.isArray()) {
            var sb = new StringBuilder();
            node.forEach(n -> sb.append(n.asText()));
            return sb.toString();
        }
        return node.asText();
    }

    /** Everything wrong with this notebook as a committed or executed notebook, one line each; empty if nothing. */
    List<String> problems() {
        var out = new ArrayList<String>();
        if (!JupyterSetup.KERNEL_NAME.equals(kernelName)) {
            out.add("kernelspec is '" + kernelName + "', not '" + JupyterSetup.KERNEL_NAME + "'");
        }
        if (codeCells.isEmpty() || !codeCells.get(0).source().strip().equals("%jar " + NotebooksIT.CLEAN_JAR)) {
            out.add("the first code cell must be '%jar " + NotebooksIT.CLEAN_JAR + "'");
        }
        for (Cell c : codeCells) {
            String where = "cell " + c.index() + ": ";
            if (!c.executed()) {
                out.add(where + "not executed");
            }
            for (Output o : c.outputs()) {
                if (o.type().equals("error")) {
                    out.add(where + "shows an error: " + o.name() + ": " + o.text().lines().findFirst().orElse(""));
                }
                if (o.type().equals("stream") && o.name().equals("stderr")) {
                    out.add(where + "prints to stderr: " + o.text().lines().findFirst().orElse(""));
                }
                if (o.text().contains("java.io.PrintStream@")) {
                    out.add(where + "echoes a PrintStream (a printf as the cell's last statement)");
                }
                long classpathLines = o.text().lines().filter(l -> l.contains("to classpath")).count();
                if (classpathLines > 1) {
                    out.add(where + "prints " + classpathLines + " 'to classpath' lines; loading wren4j must print one");
                }
            }
        }
        return out;
    }
}
