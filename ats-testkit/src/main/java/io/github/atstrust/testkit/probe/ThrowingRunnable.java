package io.github.atstrust.testkit.probe;

/** A client call to probe that returns nothing. */
@FunctionalInterface
public interface ThrowingRunnable {
    void run() throws Throwable;
}
