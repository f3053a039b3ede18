package io.github.atstrust.testkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ats} command line: serve the scenarios, export trust material, audit trust stores.
 * Exit codes: 0 success, 1 a negative finding (e.g. a store that does not trust ATS), 2 bad input.
 */
@Command(name = "ats", mixinStandardHelpOptions = true, versionProvider = AtsCommand.Version.class,
        description = "Fake Amazon Trust Services chains over real TLS on loopback, and ATS trust-store checks.",
        subcommands = {ServeCommand.class, ExportCommand.class, AuditCommand.class, DiffCommand.class})
public final class AtsCommand {

    /** Exit code for bad input: a file, address, id or option the user has to fix. */
    static final int BAD_INPUT = 2;

    private AtsCommand() {
    }

    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code; output goes to the given writers. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new AtsCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof IllegalArgumentException || exception instanceof IOException
                    || exception instanceof UncheckedIOException) {
                cmd.getErr().println(cmd.getCommandName() + ": " + message(exception));
                return BAD_INPUT;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    private static String message(Exception exception) {
        String message = exception.getMessage();
        if (exception instanceof java.nio.file.AccessDeniedException denied) {
            return denied.getFile() + ": permission denied; choose a directory you can write to";
        }
        if (exception instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        return message == null ? exception.toString() : message;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AtsCommand.class.getPackage().getImplementationVersion();
            return new String[] {"ats " + (version == null ? "(development build)" : version)};
        }
    }
}
