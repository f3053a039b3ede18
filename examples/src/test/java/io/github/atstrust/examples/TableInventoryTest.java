package io.github.atstrust.examples;

import static io.github.atstrust.junit.AtsAssertions.assertThat;

import io.github.atstrust.junit.AtsCase;
import io.github.atstrust.junit.AtsTrustMatrix;
import io.github.atstrust.junit.RequiresAtsTrust;
import java.util.Properties;

/**
 * The walk-through of docs/default-trust.md (checked by {@link DocsTest}): a service that builds its DynamoDB
 * client from configuration, tested unchanged on the mirrored JVM default ({@code ats.defaultTrust=mirrored}, the
 * surefire execution {@code default-trust-matrix}, which also sets the SDK's HTTP implementation and fake
 * credentials as system properties, as a deployment sets them).
 */
// DOC:test
@RequiresAtsTrust
class TableInventoryTest {

    @AtsTrustMatrix(scenarios = {"ats-root-ca-1", "ats-root-ca-2", "ats-root-ca-3", "ats-root-ca-4", "ats-acm-2024",
            "untrusted-root"}, profiles = "mirrored")
    void reachesDynamoDbThroughEveryAtsChainAndRefusesAnUntrustedRoot(AtsCase c) {
        Properties config = new Properties();
        config.setProperty("dynamodb.endpoint", c.endpoint().uri().toString());
        TableInventory inventory = new TableInventory(config);

        assertThat(c.probe(inventory::tables)).matches(c.expectation());
    }
}
// DOC:end
