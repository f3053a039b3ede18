# boto3 as an application uses it: a DynamoDB client with no TLS settings, list_tables once. Trust is what
# botocore reads by default (AWS_CA_BUNDLE, ca_bundle in the config file, REQUESTS_CA_BUNDLE, else its bundle).
# usage: python3 sdk-dynamodb.py ENDPOINT   exit 0: the handshake succeeded (any DynamoDB or HTTP answer); 1: it failed
import sys

import boto3
import botocore.config
import botocore.exceptions

client = boto3.client("dynamodb", endpoint_url=sys.argv[1], region_name="us-east-1",
                      aws_access_key_id="AKIDTESTONLY", aws_secret_access_key="test-only",
                      config=botocore.config.Config(retries={"max_attempts": 1}))
try:
    print("accepted: %s" % client.list_tables().get("TableNames"))
except botocore.exceptions.ClientError as e:
    print("accepted: HTTP %s %s" % (e.response["ResponseMetadata"].get("HTTPStatusCode"), e))
except (botocore.exceptions.SSLError, botocore.exceptions.EndpointConnectionError,
        botocore.exceptions.ConnectTimeoutError) as e:
    print(str(e))
    sys.exit(1)
