package org.wren4j.devservices;

import java.nio.file.Path;

/**
 * The servers {@code wren4j services up} runs in the background, each in a process of its own on
 * 127.0.0.1: {@code sqs PORT} (ElasticMQ), {@code s3 PORT BUCKET DIR} (s3proxy, objects as files
 * under DIR, the bucket made, the credentials wren4j/wren4j accepted), or {@code redis-binary DIR},
 * which prints the path of the redis-server to run (the embedded one copied into DIR). A server runs until killed and prints
 * "ready" once it serves.
 */
public final class LocalServer {
    private LocalServer() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 2 && argv[0].equals("redis-binary")) {
            System.out.println(Servers.redisBinaryIn(Path.of(argv[1])));
            return;
        }
        if (argv.length < 2 || !(argv[0].equals("sqs") || argv[0].equals("s3") && argv.length == 4)) {
            System.err.println("usage: LocalServer sqs PORT | s3 PORT BUCKET DIR | redis-binary DIR");
            System.exit(2);
        }
        int port = Integer.parseInt(argv[1]);
        if (argv[0].equals("sqs")) {
            Servers.sqs(port);
        } else {
            Servers.s3(port, argv[2], Path.of(argv[3]));
        }
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}
