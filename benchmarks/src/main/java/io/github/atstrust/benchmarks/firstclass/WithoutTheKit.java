package io.github.atstrust.benchmarks.firstclass;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The control: a first test class without the kit, so that JUnit's own start is not counted as the kit's. */
public class WithoutTheKit {

    @Test
    void runs() {
        assertTrue(true);
    }
}
