// Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi: one browser per profile, whose profile
// directory holds an NSS database (cert9.db) trusting exactly that profile's anchors, and a fresh tab per scenario.
// Prints a JSON line per scenario with empty requires: {scenario, profile, outcome, error, ms}; the error is the
// NSS or mozilla::pkix error name Firefox navigated to its certificate error page for.
// usage: node firefox-matrix.js FIREFOX MANIFEST PROFILE PROFILE_DIRECTORY
const puppeteer = require('puppeteer-core');
const fs = require('fs');

(async () => {
  const [firefox, manifestFile, profile, profileDirectory] = process.argv.slice(2);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const browser = await puppeteer.launch({browser: 'firefox', executablePath: firefox, headless: true,
    userDataDir: profileDirectory,
    // Offline: no intermediates preloaded from Mozilla's remote settings, no captive-portal or MITM probes.
    extraPrefsFirefox: {'security.remote_settings.intermediates.enabled': false, 'network.captive-portal-service.enabled': false,
      'security.certerrors.mitm.priming.enabled': false}});
  try {
    for (const scenario of manifest.scenarios.filter(s => s.requires.length === 0)) {
      const page = await browser.newPage();
      const start = Date.now();
      let outcome = 'accept';
      let error = '';
      try {
        const response = await page.goto(scenario.url, {waitUntil: 'load', timeout: 20000});
        error = 'HTTP ' + (response ? response.status() : 'none');
      } catch (e) {
        outcome = 'reject';
        const name = /(SEC_ERROR_\w+|SSL_ERROR_\w+|MOZILLA_PKIX_ERROR_\w+)/.exec(e.message);
        error = name ? name[1] : e.message.split('\n')[0];
      }
      const documentUri = await page.evaluate(() => document.documentURI).catch(() => '');
      if (outcome === 'accept' && !documentUri.startsWith('https://')) {
        outcome = 'reject';
        error = 'navigated to ' + documentUri;
      }
      console.log(JSON.stringify({scenario: scenario.id, profile, outcome, error, ms: Date.now() - start}));
      await page.close();
    }
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e); process.exit(1); });
