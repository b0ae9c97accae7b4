package org.wren4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The commands' help: a short list for {@code wren4j} and {@code wren4j help}, and each command's
 * usage for {@code wren4j help <command>} and {@code wren4j <command> --help}. A usage error
 * prints one line and points here instead of printing all of it.
 */
final class Help {
    /** The worker's options are WorkerMain's, the entry point worker processes and Lambda share. */
    static final String WORKER_USAGE = "usage: wren4j worker --redis URI --sqs URL --bucket NAME [--s3 URL], or --options-file FILE (one argument per line, mode 600)";
    static final String CLASSPATH_USAGE = "usage: wren4j classpath   (answered by bin/wren4j: the client's class path, for scripts and notebooks)";

    private record Command(String summary, String usage) {
    }

    private static final Map<String, Command> COMMANDS = commands();

    private Help() {
    }

    private static Map<String, Command> commands() {
        var c = new LinkedHashMap<String, Command>();
        c.put("demo", new Command("factor a random SPD matrix on the embedded default and check it", DemoCommand.USAGE));
        c.put("run", new Command("run one operation and print its figures", RunCommand.USAGE));
        c.put("load", new Command("load a Parquet/Arrow table into a stored matrix", LoadCommand.USAGE));
        c.put("export", new Command("write a stored matrix as a Parquet/Arrow file", ExportCommand.USAGE));
        c.put("list", new Command("list the matrices in a store", ListCommand.USAGE));
        c.put("analyze", new Command("program size and dependency-analysis cost at a matrix size", AnalyzeCommand.USAGE));
        c.put("bench", new Command("fusion: fused vs sequential solve; backends: embedded vs services", BenchCommand.USAGE));
        c.put("simulate", new Command("one job in virtual time on up to W function workers: time, core-seconds, dollars, profile",
                SimulateCommand.USAGE));
        c.put("jobs", new Command("list, attach to, cancel and collect the jobs of the services or a store", JobsCommand.USAGE));
        c.put("report", new Command("a finished job's report from any process: text, JSON or an HTML page with its timeline",
                ReportCommand.USAGE));
        c.put("services", new Command("start/stop local Redis, ElasticMQ and s3proxy for --backend services", ServicesCommand.USAGE));
        c.put("aws", new Command("print the CloudFormation template of an AWS deployment", AwsCommand.USAGE));
        c.put("worker", new Command("run one single-core worker on the services until idle", WORKER_USAGE));
        c.put("classpath", new Command("print the client's class path (api, interop and their libraries)", CLASSPATH_USAGE));
        c.put("help", new Command("show this list, or a command's options", "usage: wren4j help [<command>]"));
        return c;
    }

    /** The short command list. */
    static String commandList() {
        var sb = new StringBuilder("usage: wren4j <command> [options]\ncommands:\n");
        COMMANDS.forEach((name, c) -> sb.append(String.format("  %-10s%s%n", name, c.summary())));
        return sb.append("'wren4j help <command>' shows a command's options").toString();
    }

    /** The usage of {@code command}, if it is one. */
    static Optional<String> usage(String command) {
        return Optional.ofNullable(COMMANDS.get(command)).map(Command::usage);
    }

    /** Where a usage error of {@code command} points: its own help, or the list for an unknown command. */
    static String pointer(String command) {
        return COMMANDS.containsKey(command) && !command.equals("help") ? "see 'wren4j help " + command + "'" : "see 'wren4j help'";
    }
}
