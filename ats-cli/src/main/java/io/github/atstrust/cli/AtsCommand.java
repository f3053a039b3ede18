package io.github.atstrust.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ats} command line: serve the scenarios, export trust material, audit trust stores.
 * Exit codes are a contract: 0 success, 1 a negative verdict (a store that does not meet the requirement, a
 * regression), 2 bad input (one line naming the input and the fix), 3 an internal failure (one line; the stack
 * trace only with {@code --verbose}). A crash is never read as a verdict.
 */
@Command(name = "ats", mixinStandardHelpOptions = true, versionProvider = AtsCommand.Version.class,
        description = "Fake Amazon Trust Services chains over real TLS on loopback, and ATS trust-store checks.",
        footer = "%nExit codes: 0 success, 1 a negative verdict, 2 bad input, 3 internal failure (--verbose: stack trace).",
        subcommands = {ServeCommand.class, ExportCommand.class, AuditCommand.class, DiffCommand.class, LiveCommand.class,
                DoctorCommand.class, PinsCommand.class})
final class AtsCommand {

    /** Exit code for bad input: a file, address, id or option the user has to fix. */
    static final int BAD_INPUT = 2;

    /** Exit code for a failure of the kit itself (a bug, or the JVM out of memory): never a verdict. */
    static final int INTERNAL_FAILURE = 3;

    /** Anywhere on the command line: print the stack trace of an internal failure. */
    static final String VERBOSE = "--verbose";

    private AtsCommand() {
    }

    /**
     * Runs {@code ats} and exits with its code (0 ok, 1 verdict failed, 2 bad input, 3 internal failure).
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // a client refusing a mail scenario's chain is the point of the scenario, not a server warning
        if (System.getProperty("org.slf4j.simpleLogger.log.org.subethamail") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.subethamail", "error");
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs a command line without exiting, e.g. from a test.
     *
     * @param args the command line, e.g. {@code audit jvm}
     * @param terminalOut where normal output goes, control characters escaped ({@link TerminalSafeWriter})
     * @param terminalErr where errors go, escaped alike
     * @return the exit code
     */
    public static int execute(String[] args, PrintWriter terminalOut, PrintWriter terminalErr) {
        PrintWriter out = new PrintWriter(new TerminalSafeWriter(terminalOut), true);
        PrintWriter err = new PrintWriter(new TerminalSafeWriter(terminalErr), true);
        try {
            return run(args, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = java.util.Arrays.asList(args).contains(VERBOSE);
        String[] rest = java.util.Arrays.stream(args).filter(a -> !a.equals(VERBOSE)).toArray(String[]::new);
        try {
            CommandLine commandLine = new CommandLine(new AtsCommand());
            commandLine.setExpandAtFiles(false); // "@FILE" is a path, never arguments read from a file
            commandLine.setOut(out);
            commandLine.setErr(err);
            commandLine.setParameterExceptionHandler((exception, badArgs) -> {
                CommandLine cmd = exception.getCommandLine();
                cmd.getErr().println("ats " + cmd.getCommandName() + ": " + exception.getMessage() + " (see 'ats "
                        + (cmd.getParent() == null ? "" : cmd.getCommandName() + " ") + "--help')");
                return BAD_INPUT;
            });
            commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
                if (exception instanceof IllegalArgumentException || exception instanceof IOException
                        || exception instanceof UncheckedIOException) {
                    cmd.getErr().println(cmd.getCommandName() + ": " + message(exception));
                    return BAD_INPUT;
                }
                return internalFailure(exception, verbose, err);
            });
            return commandLine.execute(rest);
        } catch (Throwable failure) { // an Error (OutOfMemoryError, …) escapes picocli's handler
            return internalFailure(failure, verbose, err);
        }
    }

    private static int internalFailure(Throwable failure, boolean verbose, PrintWriter err) {
        err.println("ats: internal failure: " + failure + (verbose ? "" : " (run again with --verbose for the stack trace;"
                + " exit 3 is never a verdict)"));
        if (verbose) {
            failure.printStackTrace(err);
        }
        err.flush();
        return INTERNAL_FAILURE;
    }

    private static String message(Exception exception) {
        if (exception instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + reason(fs) + (fs.getReason() != null ? "" : "; check the path and its permissions");
        }
        String message = exception.getMessage();
        return message == null ? exception.toString() : message;
    }

    /** Why a file operation failed, in words, also when the JDK gives no reason (e.g. for /proc). */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null
                && fs.getMessage() != null && !fs.getMessage().equals(fs.getFile())) {
            return fs.getMessage().substring(fs.getMessage().indexOf(fs.getFile()) + fs.getFile().length())
                    .replaceFirst("^: ", "");
        }
        return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AtsCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ats " + (version == null ? "(development build)" : version)};
        }
    }
}
