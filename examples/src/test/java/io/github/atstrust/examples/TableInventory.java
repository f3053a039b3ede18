package io.github.atstrust.examples;

// DOC:service
import java.net.URI;
import java.util.List;
import java.util.Properties;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Production code, unchanged by its tests: the tables of the configured DynamoDB endpoint, with the SDK's defaults. */
final class TableInventory {

    private final DynamoDbClient dynamo;

    TableInventory(Properties config) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(config.getProperty("aws.region", "eu-west-3")));
        String endpoint = config.getProperty("dynamodb.endpoint");
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        dynamo = builder.build(); // default credentials chain, default HTTP client, default trust
    }

    List<String> tables() {
        return dynamo.listTables().tableNames();
    }
}
// DOC:end
