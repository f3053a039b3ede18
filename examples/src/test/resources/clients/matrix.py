"""Python's ssl + urllib across the kit's matrix: one JSON line per (scenario, profile).

usage: python3 matrix.py [--x509-strict] MANIFEST PROFILE...
Trust comes from the profile's PEM bundle only (cafile); host names are checked (the default context).
--x509-strict adds ssl.VERIFY_X509_STRICT, which Python 3.13's default context sets.
"""
import json
import ssl
import sys
import time
import urllib.request

args = sys.argv[1:]
strict = args[0] == "--x509-strict"
if strict:
    args = args[1:]
manifest = json.load(open(args[0]))
bundles = {p["id"]: p["pemBundle"] for p in manifest["profiles"]}
for scenario in manifest["scenarios"]:
    if scenario["requires"]:
        continue
    for profile in args[1:]:
        context = ssl.create_default_context(cafile=bundles[profile])
        if strict:
            context.verify_flags |= ssl.VERIFY_X509_STRICT
        start = time.monotonic()
        try:
            with urllib.request.urlopen(scenario["url"], context=context, timeout=5) as response:
                response.read()
            outcome, error = "accept", ""
        except Exception as e:  # kept with its words: the test judges rejection (and reason) or no verdict
            outcome, error = "fail", f"{type(e).__name__}: {e}"
        print(json.dumps({"scenario": scenario["id"], "profile": profile, "outcome": outcome, "error": error,
                          "ms": int((time.monotonic() - start) * 1000)}), flush=True)
