# One HTTPS request by a Python stack that never configures trust: ACCEPTED or REFUSED <reason>.
# usage: probe.py urllib|requests|botocore URL
import sys

stack, url = sys.argv[1], sys.argv[2]
try:
    if stack == "urllib":
        import urllib.error, urllib.request
        try:
            urllib.request.urlopen(url, timeout=10)
        except urllib.error.HTTPError:
            pass
    elif stack == "requests":
        import requests
        requests.get(url, timeout=10)
    else:
        import botocore.config, botocore.exceptions, botocore.session
        client = botocore.session.get_session().create_client(
            "dynamodb", endpoint_url=url, config=botocore.config.Config(retries={"max_attempts": 1}))
        try:
            client.list_tables()
        except (botocore.exceptions.SSLError, botocore.exceptions.EndpointConnectionError):
            raise
        except botocore.exceptions.BotoCoreError:
            pass  # past the handshake: the answer is not DynamoDB's
        except botocore.exceptions.ClientError:
            pass
    print("ACCEPTED")
except Exception as e:
    text = repr(e)
    if "CERTIFICATE_VERIFY_FAILED" in text or "SSL validation failed" in text or "SSLError" in text:
        print("REFUSED " + text)
        sys.exit(1)
    print("ERROR " + text)
    sys.exit(2)
