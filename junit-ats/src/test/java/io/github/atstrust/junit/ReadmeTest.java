package io.github.atstrust.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows the example that {@link ReadmeExampleTest} compiles and runs, word for word. */
class ReadmeTest {

    @Test
    void readmeExampleIsTheTestedOne() throws Exception {
        String source = Files.readString(Path.of("src/test/java/io/github/atstrust/junit/ReadmeExampleTest.java"));
        String example = source.substring(source.indexOf('\n', source.indexOf("README-EXAMPLE-START")) + 1,
                source.indexOf("// README-EXAMPLE-END"));

        assertThat(Files.readString(Path.of("../README.md"))).contains(example);
    }
}
