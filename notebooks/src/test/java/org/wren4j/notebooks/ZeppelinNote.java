package org.wren4j.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Zeppelin note made from a Jupyter notebook, so the two never drift apart. Zeppelin's
 * {@code %java} interpreter runs each paragraph as one class with a {@code main} method and keeps
 * nothing between paragraphs, so the note is the notebook's markdown as {@code %md} paragraphs and
 * ONE {@code %java} paragraph holding every code cell, in order: imports go to the top, methods
 * declared in a cell become the class's static methods, statements form {@code main}, and a cell
 * that is just a variable (a notebook's way to show it) prints its HTML card behind Zeppelin's
 * {@code %html} marker. The {@code %jar} cell is left out: Zeppelin loads the clean jar as an
 * interpreter dependency.
 */
final class ZeppelinNote {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+[\\w.*]+\\s*;\\s*(//.*)?$");
    /** A method declared at the top of a cell, e.g. {@code void check(boolean ok, String what) {}}. */
    private static final Pattern METHOD = Pattern.compile("^[\\w<>\\[\\], ]+\\s+\\w+\\s*\\([^=]*\\)\\s*\\{\\s*$");
    private static final Pattern SHOWN = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*;?\\s*$");
    private static final Set<String> STATEMENT_WORDS = Set.of("if", "for", "while", "try", "switch", "do", "else", "synchronized", "return", "new");

    private ZeppelinNote() {
    }

    /** The Java program of the notebook's code cells, as the {@code %java} paragraph runs it. */
    static String program(Path notebook, String className) {
        Set<String> imports = new LinkedHashSet<>();
        List<String> methods = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String cell : codeCells(read(notebook))) {
            if (cell.startsWith("%")) {
                continue;
            }
            var shown = SHOWN.matcher(cell);
            if (shown.matches()) {
                body.add("System.out.println(\"\\n%html \" + " + shown.group(1) + ".toHtml() + \"\\n%text \");");
                continue;
            }
            List<String> lines = cell.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (IMPORT.matcher(line).matches()) {
                    imports.add(line.replaceAll("\\s*//.*$", ""));
                } else if (isMethod(line)) {
                    int depth = 0;
                    var method = new StringBuilder("static ");
                    for (; i < lines.size(); i++) {
                        method.append(lines.get(i)).append('\n');
                        depth += braces(lines.get(i));
                        if (depth == 0) {
                            break;
                        }
                    }
                    methods.add(method.toString());
                } else {
                    body.add(line);
                }
            }
            body.add("");
        }
        var sb = new StringBuilder();
        imports.forEach(i -> sb.append(i).append('\n'));
        sb.append('\n').append("public class ").append(className).append(" {\n");
        for (String m : methods) {
            m.lines().forEach(l -> sb.append("    ").append(l).append('\n'));
            sb.append('\n');
        }
        sb.append("    public static void main(String[] args) throws Exception {\n");
        while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
            body.remove(body.size() - 1);
        }
        boolean blank = true;
        for (String l : body) {
            if (l.isBlank() && blank) {
                continue; // one blank line between cells, none at the top
            }
            blank = l.isBlank();
            sb.append(blank ? "" : "        " + l).append('\n');
        }
        return sb.append("    }\n}\n").toString();
    }

    /** The note: a {@code %md} paragraph per markdown cell before the code, then the one {@code %java} paragraph. */
    static String note(Path notebook, String name, String className) {
        JsonNode root = read(notebook);
        ObjectNode note = JSON.createObjectNode();
        ArrayNode paragraphs = note.putArray("paragraphs");
        int id = 0;
        for (JsonNode cell : root.path("cells")) {
            if ("markdown".equals(cell.path("cell_type").asText())) {
                paragraphs.add(paragraph("%md\n" + text(cell.path("source")), "markdown", "ace/mode/markdown", ++id, name));
            }
        }
        paragraphs.add(paragraph("%java\n" + program(notebook, className), "java", "ace/mode/java", ++id, name));
        note.put("name", name);
        note.put("id", "2WREN4J" + name.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT));
        note.put("defaultInterpreterGroup", "java");
        note.put("version", "0.11.2");
        note.putObject("noteParams");
        note.putObject("noteForms");
        note.putObject("angularObjects");
        note.putObject("config").put("isZeppelinNotebookCronEnable", false);
        note.putObject("info");
        try {
            return JSON.writeValueAsString(note) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code %java} paragraph's program in a stored note, without its marker line. */
    static String javaParagraph(Path note) {
        for (JsonNode p : read(note).path("paragraphs")) {
            String text = p.path("text").asText();
            if (text.startsWith("%java\n")) {
                return text.substring("%java\n".length());
            }
        }
        throw new IllegalArgumentException(note + " has no %java paragraph");
    }

    private static ObjectNode paragraph(String text, String language, String mode, int id, String name) {
        ObjectNode p = JSON.createObjectNode();
        p.put("text", text);
        p.put("id", "paragraph_" + name.replaceAll("[^A-Za-z0-9]", "_") + "_" + id);
        ObjectNode config = p.putObject("config");
        config.putObject("editorSetting").put("language", language).put("editOnDblClick", false);
        config.put("editorMode", mode);
        config.put("editorHide", language.equals("markdown"));
        p.putObject("settings").putObject("params");
        p.put("status", "READY");
        return p;
    }

    private static boolean isMethod(String line) {
        if (!METHOD.matcher(line).matches()) {
            return false;
        }
        String first = line.strip().split("[\\s(]", 2)[0];
        return !STATEMENT_WORDS.contains(first);
    }

    private static int braces(String line) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                depth++;
            } else if (!quoted && c == '}') {
                depth--;
            } else if (!quoted && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            }
        }
        return depth;
    }

    private static List<String> codeCells(JsonNode root) {
        List<String> cells = new ArrayList<>();
        for (JsonNode cell : root.path("cells")) {
            if ("code".equals(cell.path("cell_type").asText())) {
                cells.add(text(cell.path("source")));
            }
        }
        return cells;
    }

    private static String text(JsonNode source) {
        if (source.isArray()) {
            var sb = new StringBuilder();
            source.forEach(s -> sb.append(s.asText()));
            return sb.toString();
        }
        return source.asText();
    }

    private static JsonNode read(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path + " failed", e);
        }
    }
}
