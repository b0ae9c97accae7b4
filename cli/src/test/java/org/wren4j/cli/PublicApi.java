package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public API as users' code sees it, by reflection on the modules' compiled classes: the
 * visible classes of the public packages (not {@code ...internal}) and their public, or protected
 * and overridable, members. Shared by {@link PublicSignaturesTest} (which types a signature may
 * name) and {@link ApiBaselineTest} (which signatures exist).
 */
final class PublicApi {
    /** The reactor root; tests run in the cli module's directory. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private PublicApi() {
    }

    /** Public top-level and public nested classes of the public packages of {@code modules}, in file order. */
    static List<Class<?>> publicClasses(String... modules) {
        var out = new ArrayList<Class<?>>();
        for (String module : modules) {
            Path classes = ROOT.resolve(module).resolve("target/classes");
            assertThat(classes).as("compiled classes of %s", module).isDirectory();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                    if (name.contains(".internal.") || name.endsWith("package-info") || name.endsWith("module-info")) {
                        continue;
                    }
                    Class<?> c = Class.forName(name, false, PublicApi.class.getClassLoader());
                    if (isVisible(c)) {
                        out.add(c);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    /** Fields users can reach: public, or protected in a class they can extend. */
    static List<Field> exposedFields(Class<?> c) {
        return Stream.of(c.getDeclaredFields()).filter(f -> exposed(f) && !f.isSynthetic()).toList();
    }

    /** Constructors and methods users can call or override, without compiler-made bridges. */
    static List<Executable> exposedExecutables(Class<?> c) {
        List<Executable> members = new ArrayList<>(List.of(c.getDeclaredConstructors()));
        members.addAll(List.of(c.getDeclaredMethods()));
        return members.stream()
                .filter(e -> exposed(e) && !e.isSynthetic() && !(e instanceof Method m && m.isBridge()))
                .toList();
    }

    private static boolean exposed(Member m) {
        int mod = m.getModifiers();
        boolean finalClass = Modifier.isFinal(m.getDeclaringClass().getModifiers());
        return Modifier.isPublic(mod) || Modifier.isProtected(mod) && !finalClass;
    }

    private static boolean isVisible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
                return false;
            }
        }
        return true;
    }
}
