package org.wren4j.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wren4j.api.ServiceEndpoints;
import org.wren4j.api.Wren;

/**
 * Where the tiles live, in a form the Spark driver can send to its executors: each side opens its
 * own wren4j session on the same store and writes or reads tiles there directly, so no matrix
 * passes through the driver.
 */
public sealed interface SharedStore extends Serializable permits SharedStore.Directory, SharedStore.Services {
    /**
     * Tiles in a directory every executor can reach: local mode, or a file system shared by the
     * cluster's machines.
     */
    static SharedStore directory(Path directory) {
        requireNonNull(directory, "directory is null");
        return new Directory(directory.toAbsolutePath().normalize().toString());
    }

    /** Tiles in the S3 bucket of a deployment's services (with its Redis and SQS for the jobs). */
    static SharedStore services(ServiceEndpoints endpoints) {
        requireNonNull(endpoints, "endpoints is null");
        var options = new LinkedHashMap<String, String>();
        options.put("redis", endpoints.redis());
        options.put("sqs", endpoints.sqs().toString());
        options.put("queue", endpoints.queue());
        endpoints.s3().ifPresent(u -> options.put("s3", u.toString()));
        options.put("bucket", endpoints.bucket());
        options.put("prefix", endpoints.prefix());
        return new Services(options);
    }

    /** Points {@code builder} at this store. */
    Wren.Builder configure(Wren.Builder builder);

    /** A local or shared directory. */
    record Directory(String path) implements SharedStore {
        public Directory {
            requireNonNull(path, "path is null");
        }

        @Override
        public Wren.Builder configure(Wren.Builder builder) {
            return builder.storeDirectory(Path.of(path));
        }
    }

    /** A deployment's services, by {@link ServiceEndpoints#fromOptions} options. */
    record Services(Map<String, String> options) implements SharedStore {
        public Services {
            options = Map.copyOf(options);
            ServiceEndpoints.fromOptions(options); // fails here, on the driver, if they are wrong
        }

        @Override
        public Wren.Builder configure(Wren.Builder builder) {
            return builder.services(ServiceEndpoints.fromOptions(options));
        }

        /** Without the Redis password. */
        @Override
        public String toString() {
            return "Services[" + ServiceEndpoints.fromOptions(options) + "]";
        }
    }
}
