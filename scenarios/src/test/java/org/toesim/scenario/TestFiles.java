package org.toesim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies scenario files from src-test-data (a jar during verify) into a test's directory. */
public final class TestFiles {
    private TestFiles() {
    }

    public static String text(String resource) throws IOException {
        try (InputStream in = TestFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public static Path copy(String resource, Path dir) throws IOException {
        Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        Files.writeString(target, text(resource));
        return target;
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        Path target = dir.resolve(name);
        Files.writeString(target, content);
        return target;
    }
}
