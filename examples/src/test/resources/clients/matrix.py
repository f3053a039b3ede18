"""Python's ssl + urllib across the kit's matrix: one JSON line per (scenario, profile).

usage: python3 matrix.py MANIFEST PROFILE...
Trust comes from the profile's PEM bundle only (cafile); host names are checked (the default context).
"""
import json
import ssl
import sys
import time
import urllib.request

manifest = json.load(open(sys.argv[1]))
bundles = {p["id"]: p["pemBundle"] for p in manifest["profiles"]}
for scenario in manifest["scenarios"]:
    if scenario["requires"]:
        continue
    for profile in sys.argv[2:]:
        context = ssl.create_default_context(cafile=bundles[profile])
        start = time.monotonic()
        try:
            with urllib.request.urlopen(scenario["url"], context=context, timeout=5) as response:
                response.read()
            outcome, error = "accept", ""
        except Exception as e:  # kept with its words: the test judges rejection (and reason) or no verdict
            outcome, error = "fail", f"{type(e).__name__}: {e}"
        print(json.dumps({"scenario": scenario["id"], "profile": profile, "outcome": outcome, "error": error,
                          "ms": int((time.monotonic() - start) * 1000)}), flush=True)
