package org.wren4j.cli;

import java.io.PrintStream;
import java.util.List;
import org.wren4j.api.LambdaWorkers;

/** {@code wren4j aws template}: prints the CloudFormation template of a deployment with Lambda workers. */
final class AwsCommand {
    static final String USAGE = "usage: wren4j aws template   (prints the CloudFormation template; deploy it with"
            + " 'aws cloudformation deploy --template-file FILE --stack-name NAME --capabilities CAPABILITY_IAM --parameter-overrides ...')";

    private AwsCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        if (argv.size() != 1 || !argv.get(0).equals("template")) {
            throw new UsageException("aws takes one subcommand, template; got " + (argv.isEmpty() ? "none" : String.join(" ", argv)));
        }
        out.print(LambdaWorkers.cloudFormationTemplate());
        return 0;
    }
}
