// Node's https across the kit's matrix: one JSON line per (scenario, profile).
// usage: node matrix.js MANIFEST PROFILE...
// Trust comes from the profile's PEM bundle only (the `ca` option replaces Node's bundled roots).
'use strict';
const fs = require('fs');
const https = require('https');

const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const bundles = Object.fromEntries(manifest.profiles.map((p) => [p.id, fs.readFileSync(p.pemBundle)]));

function get(url, ca) {
  return new Promise((resolve) => {
    const start = Date.now();
    const request = https.get(url, { ca, agent: false, timeout: 5000 }, (response) => {
      response.resume();
      response.on('end', () => resolve({ outcome: 'accept', error: '', ms: Date.now() - start }));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (e) => resolve({ outcome: 'fail', error: `${e.code || ''} ${e.message}`.trim(), ms: Date.now() - start }));
  });
}

(async () => {
  for (const scenario of manifest.scenarios.filter((s) => s.requires.length === 0)) {
    for (const profile of process.argv.slice(3)) {
      const result = await get(scenario.url, bundles[profile]);
      console.log(JSON.stringify({ scenario: scenario.id, profile, ...result }));
    }
  }
})();
