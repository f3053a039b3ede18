package io.github.atstrust.cli;

import io.github.atstrust.testkit.trust.TrustProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ats export --dir DIR [--password P]}: writes every profile and fake CA certificate as files; {@code ats export
 * --mirror SOURCE --out FILE}: writes the mirror of one store (its real ATS roots swapped for their twins).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write each trust profile as <id>.pem, <id>.p12, <id>.jks and each fake CA as ca/<name>.pem "
                + "(--dir), or the mirror of one store, every real ATS root swapped for its fake twin and everything "
                + "else kept, as FILE (--mirror SOURCE --out FILE: .pem/.crt a PEM bundle, .p12/.pfx PKCS12, .jks JKS).")
final class ExportCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Directory to write into (created when missing).")
    private Path dir;

    @Option(names = "--mirror", paramLabel = "SOURCE", description = "A store to mirror, as ats audit reads it: jvm, "
            + "a PEM bundle (the OS bundle, certifi's, botocore's), a PKCS12/JKS store, a directory, docker:IMAGE.")
    private String mirror;

    @Option(names = "--out", paramLabel = "FILE", description = "Where --mirror writes (never replaced: choose a new "
            + "name); its extension chooses the format.")
    private Path outFile;

    @Option(names = "--password", paramLabel = "P", defaultValue = TrustProfile.DEFAULT_PASSWORD,
            description = "Password of the PKCS12 and JKS stores (default: ${DEFAULT-VALUE}).")
    private String password;

    @Override
    public Integer call() throws Exception {
        if (mirror != null || outFile != null) {
            if (mirror == null || outFile == null || dir != null) {
                throw new IllegalArgumentException("--mirror SOURCE and --out FILE go together, without --dir: e.g. ats "
                        + "export --mirror /etc/ssl/certs/ca-certificates.crt --out mirror.pem");
            }
            MirrorExport.write(mirror, outFile, password, spec.commandLine().getOut());
            return 0;
        }
        if (dir == null) {
            throw new IllegalArgumentException("name what to export: --dir DIR (every profile), or --mirror SOURCE --out "
                    + "FILE (the mirror of one store)");
        }
        if (dir.toString().isEmpty()) {
            throw new IllegalArgumentException("--dir is empty (it would mean the current directory); name the directory "
                    + "to export into, e.g. --dir target/ats");
        }
        List<ExportedProfile> profiles;
        try (TrustMaterialExport export = TrustMaterialExport.writeTo(dir, password, UUID.randomUUID().toString(), "export",
                List.of(TrustMaterialExport.mirroredDefault()))) {
            profiles = export.profiles();
        }
        var out = spec.commandLine().getOut();
        for (ExportedProfile profile : profiles) {
            out.printf("%-28s %s%n", profile.id(), profile.pemBundle().getParent().resolve(profile.id() + ".{pem,p12,jks}"));
        }
        Path dir = profiles.get(0).pemBundle().getParent();
        out.printf("%-28s %s%n", TrustMaterialExport.MIRRORED_DEFAULT, dir.resolve(TrustMaterialExport.MIRRORED_DEFAULT
                + ".{pem,p12,jks}  (this JVM's default trust, ATS roots swapped for their twins)"));
        out.printf("%-28s %s%n", "fake CA certificates", dir.resolve("ca"));
        return 0;
    }
}
