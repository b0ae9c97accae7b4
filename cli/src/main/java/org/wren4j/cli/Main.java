package org.wren4j.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.wren4j.api.WrenException;

/** The {@code wren4j} command. */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: wren4j <command> [options]",
            "commands:",
            "  demo      factor a random SPD matrix on the embedded default and check it   " + DemoCommand.USAGE.substring(7),
            "  run       run one operation and print its figures                          " + RunCommand.USAGE.substring(7),
            "  load      load a Parquet/Arrow table into a stored matrix                  " + LoadCommand.USAGE.substring(7),
            "  export    write a stored matrix as a Parquet/Arrow file                  " + ExportCommand.USAGE.substring(7),
            "  list      list the matrices in a store                                   " + ListCommand.USAGE.substring(7),
            "  analyze   program size and dependency-analysis cost at a matrix size     " + AnalyzeCommand.USAGE.substring(7),
            "  bench     fusion: fused vs sequential solve; backends: embedded vs services  " + BenchCommand.USAGE.substring(7),
            "  services  start/stop local Redis, ElasticMQ and s3proxy for --backend services: up|down [--dir DIR]",
            "  worker    run one single-core worker on the services until idle: --redis URI --sqs URL --bucket NAME [--s3 URL]",
            "  classpath print the client's class path (api, interop and their libraries) for scripts and notebooks",
            "  help      show this text");

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(Arrays.asList(argv), System.out, System.err));
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        if (argv.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        String command = argv.get(0);
        List<String> rest = argv.subList(1, argv.size());
        try {
            return switch (command) {
                case "demo" -> DemoCommand.run(rest, out, err);
                case "run" -> RunCommand.run(rest, out, err);
                case "services" -> ServicesCommand.run(rest, out, err);
                case "analyze" -> AnalyzeCommand.run(rest, out, err);
                case "bench" -> BenchCommand.run(rest, out, err);
                case "load" -> LoadCommand.run(rest, out, err);
                case "export" -> ExportCommand.run(rest, out, err);
                case "list" -> ListCommand.run(rest, out, err);
                case "worker" -> {
                    // the same entry point worker processes and Lambda use (org.wren4j.exec.services.WorkerMain)
                    org.wren4j.exec.services.WorkerMain.runWorker(org.wren4j.exec.services.WorkerMain.parse(rest));
                    yield 0;
                }
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("wren4j: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (org.wren4j.exec.services.ServiceUnavailableException e) {
            err.println("wren4j: error: " + e.getMessage() + " (is it running? 'wren4j services up' starts local servers)");
            return 1;
        } catch (WrenException | IllegalArgumentException e) {
            err.println("wren4j: error: " + e.getMessage());
            return 1;
        }
    }
}
