package vn.loa.nlp;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code ../shared/data} (relative to the project root) from a module's working directory. */
public final class SharedData {

    private SharedData() {
    }

    /** The shared data folder; fails the test with a clear message when it is missing. */
    public static Path dir() {
        for (Path candidate : new Path[] {Path.of("../shared/data"), Path.of("../../shared/data")}) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("../shared/data (relative to the project root) is missing");
    }
}
