package org.wren4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Points MLlib's BLAS and LAPACK (dev.ludovic.netlib) at the OpenBLAS library wren4j itself runs on,
 * so that the benchmark compares both on the same native kernels, and says which implementations loaded.
 */
final class NativeBlas {
    private NativeBlas() {
    }

    /**
     * Sets netlib's native library paths to the OpenBLAS file JavaCPP unpacked (unless already set)
     * and returns the BLAS and LAPACK implementation class names and the library file.
     */
    static String useForMllib() {
        Loader.load(openblas.class);
        Path lib = openBlasFile();
        if (System.getProperty("dev.ludovic.netlib.blas.nativeLibPath") == null) {
            System.setProperty("dev.ludovic.netlib.blas.nativeLibPath", lib.toString());
        }
        if (System.getProperty("dev.ludovic.netlib.lapack.nativeLibPath") == null) {
            System.setProperty("dev.ludovic.netlib.lapack.nativeLibPath", lib.toString());
        }
        String blas = dev.ludovic.netlib.blas.BLAS.getInstance().getClass().getName();
        String lapack = dev.ludovic.netlib.lapack.LAPACK.getInstance().getClass().getName();
        return "blas=" + blas + " lapack=" + lapack + " library=" + System.getProperty("dev.ludovic.netlib.blas.nativeLibPath");
    }

    /** True when MLlib's BLAS is a native one (JNI), not the Java fallback. */
    static boolean nativeLoaded() {
        return dev.ludovic.netlib.blas.BLAS.getInstance() instanceof dev.ludovic.netlib.blas.NativeBLAS;
    }

    private static Path openBlasFile() {
        Path cache;
        try {
            cache = Path.of(Loader.getCacheDir().getPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> all = Files.walk(cache)) {
            return all.filter(p -> p.getFileName().toString().equals("libopenblas.so.0") && p.toString().contains("org/bytedeco/openblas"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no libopenblas.so.0 under " + cache));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
