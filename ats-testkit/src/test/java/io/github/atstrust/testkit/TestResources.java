package io.github.atstrust.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Test resources of the class path (this module's, or its test jar's in another module) copied out as files. */
public final class TestResources {

    private TestResources() {
    }

    /**
     * Copies a resource to a file, e.g. a probe's source to build or a class file to mount in a container.
     *
     * @param resource absolute resource name, e.g. {@code /probe/defaulttrust.go}
     * @param file     where to write it (its directories are created)
     * @return {@code file}
     */
    public static Path copy(String resource, Path file) throws IOException {
        try (InputStream in = TestResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource + " on the test class path");
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }

    /** {@code DefaultTrustProbe}'s class file, where a JVM given {@code classes} as its class path finds it. */
    public static Path copyDefaultTrustProbe(Path classes) throws IOException {
        String name = DefaultTrustProbe.class.getName().replace('.', '/') + ".class";
        return copy("/" + name, classes.resolve(name));
    }
}
