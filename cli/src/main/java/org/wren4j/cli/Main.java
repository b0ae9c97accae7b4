package org.wren4j.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.wren4j.api.ServiceUnavailableException;
import org.wren4j.api.Workers;
import org.wren4j.api.WrenException;

/** The {@code wren4j} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(Arrays.asList(argv), System.out, System.err));
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        if (argv.isEmpty()) {
            err.println(Help.commandList());
            return 2;
        }
        String command = argv.get(0);
        List<String> rest = argv.subList(1, argv.size());
        try {
            if (rest.contains("--help") || rest.contains("-h")) {
                out.println(Help.usage(command).orElseThrow(() -> new UsageException("unknown command '" + command + "'")));
                return 0;
            }
            return switch (command) {
                case "demo" -> DemoCommand.run(rest, out, err);
                case "run" -> RunCommand.run(rest, out, err);
                case "services" -> ServicesCommand.run(rest, out, err);
                case "analyze" -> AnalyzeCommand.run(rest, out, err);
                case "bench" -> BenchCommand.run(rest, out, err);
                case "load" -> LoadCommand.run(rest, out, err);
                case "export" -> ExportCommand.run(rest, out, err);
                case "list" -> ListCommand.run(rest, out, err);
                case "jobs" -> JobsCommand.run(rest, out, err);
                case "report" -> ReportCommand.run(rest, out, err);
                case "aws" -> AwsCommand.run(rest, out, err);
                case "simulate" -> SimulateCommand.run(rest, out, err);
                case "worker" -> {
                    // the same entry point worker processes and Lambda use
                    Workers.run(rest);
                    yield 0;
                }
                case "help", "--help", "-h" -> help(rest, out);
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            // one line and where to read more: the whole usage text would bury the line that matters
            err.println("wren4j: " + UserTerms.of(e.getMessage()) + "; " + Help.pointer(command));
            return 2;
        } catch (ServiceUnavailableException e) {
            err.println("wren4j: error: " + e.getMessage() + " (is it running? 'wren4j services up' starts local servers)");
            return 1;
        } catch (WrenException | IllegalArgumentException e) {
            err.println("wren4j: error: " + UserTerms.of(e.getMessage()));
            return 1;
        }
    }

    private static int help(List<String> rest, PrintStream out) {
        if (rest.isEmpty()) {
            out.println(Help.commandList());
            return 0;
        }
        if (rest.size() > 1) {
            throw new UsageException("help takes one command, got " + rest);
        }
        out.println(Help.usage(rest.get(0)).orElseThrow(() -> new UsageException("no command '" + rest.get(0) + "'")));
        return 0;
    }
}
