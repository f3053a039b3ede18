// The AWS SDK for JavaScript v3 as an application uses it: a DynamoDB client with no TLS settings, ListTables
// once. Trust is whatever Node reads by default (its built-in roots, plus NODE_EXTRA_CA_CERTS when set).
// usage: node sdk-dynamodb.js ENDPOINT   exit 0: the handshake succeeded (any DynamoDB or HTTP answer); 1: it failed
'use strict';
const { DynamoDBClient, ListTablesCommand } = require('../../js/node_modules/@aws-sdk/client-dynamodb');

const client = new DynamoDBClient({
  endpoint: process.argv[2],
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDTESTONLY', secretAccessKey: 'test-only' },
  maxAttempts: 1,
});

client.send(new ListTablesCommand({}))
  .then((answer) => { console.log(`accepted: ${JSON.stringify(answer.TableNames)}`); process.exit(0); })
  .catch((e) => {
    if (e.$metadata && e.$metadata.httpStatusCode) {
      console.log(`accepted: HTTP ${e.$metadata.httpStatusCode} ${e.name}`);
      process.exit(0);
    }
    console.log(`${e.code || e.name || ''} ${e.message}`.trim());
    process.exit(1);
  });
