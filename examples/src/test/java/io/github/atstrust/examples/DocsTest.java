package io.github.atstrust.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code in docs/junit.md is the code of the tests that compile and run it, word for word. */
class DocsTest {

    private static final Path GUIDE = Path.of("../docs/junit.md");

    @Test
    void everyWiringExampleOfTheJunitGuideIsTheCodeOfWiringGuideTest() throws IOException {
        List<String> snippets = snippets(Path.of("src/test/java/io/github/atstrust/examples/WiringGuideTest.java"));

        assertThat(snippets).hasSize(6);
        assertThat(Files.readString(GUIDE)).contains(snippets);
    }

    @Test
    void theUserScenarioExampleOfTheJunitGuideIsTheCodeOfMyServiceTrustTest() throws IOException {
        List<String> snippets = snippets(Path.of("src/test/java/io/github/atstrust/examples/MyServiceTrustTest.java"));

        assertThat(snippets).hasSize(1);
        assertThat(Files.readString(GUIDE)).contains(snippets);
    }

    @Test
    void theWalkThroughOfTheDefaultTrustGuideIsTheCodeOfTableInventoryAndItsTest() throws IOException {
        List<String> snippets = new ArrayList<>(snippets(Path.of("src/test/java/io/github/atstrust/examples/TableInventory.java")));
        snippets.addAll(snippets(Path.of("src/test/java/io/github/atstrust/examples/TableInventoryTest.java")));

        assertThat(snippets).hasSize(2);
        assertThat(Files.readString(Path.of("../docs/default-trust.md"))).contains(snippets);
    }

    /** The lines between each {@code // DOC:name} and {@code // DOC:end}, indentation of the first line removed. */
    static List<String> snippets(Path source) throws IOException {
        List<String> snippets = new ArrayList<>();
        StringBuilder current = null;
        int indent = 0;
        for (String line : Files.readAllLines(source)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("// DOC:end")) {
                snippets.add(current.toString());
                current = null;
            } else if (trimmed.startsWith("// DOC:")) {
                current = new StringBuilder();
                indent = line.indexOf("//");
            } else if (current != null) {
                current.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
            }
        }
        return snippets;
    }
}
