package io.github.atstrust.cli;

import java.nio.file.Path;

/** Where one profile was written by {@link TrustMaterialExport}: absolute paths and the store password. */
record ExportedProfile(String id, String description, Path pemBundle, Path pkcs12, Path jks,
                              String storePassword) {
}
