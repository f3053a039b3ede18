// Looks at the kit's pages as a person would: headless Chromium (puppeteer-core over CDP), each page in light and
// dark colour schemes and at a phone's width, every request off loopback refused and counted, a screenshot per
// view, and what the DOM shows printed as one JSON line per view.
// Usage: node pictures-check.js CHROMIUM OUT_DIR NAME=URL ...
const puppeteer = require('puppeteer-core');
const os = require('os');
const path = require('path');
const fs = require('fs');

const [chromium, outDir, ...pages] = process.argv.slice(2);
const VIEWS = [
  { mode: 'light', width: 1280, height: 900, mobile: false, scheme: 'light' },
  { mode: 'dark', width: 1280, height: 900, mobile: false, scheme: 'dark' },
  { mode: 'phone', width: 390, height: 844, mobile: true, scheme: 'light' },
];
const LOCAL = /^(file:|data:|about:|https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/])/;

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ats-pictures-')),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const spec of pages) {
      const name = spec.slice(0, spec.indexOf('='));
      const url = spec.slice(spec.indexOf('=') + 1);
      for (const view of VIEWS) {
        const page = await browser.newPage();
        const foreign = [];
        await page.setRequestInterception(true);
        page.on('request', (request) => {
          if (LOCAL.test(request.url())) {
            request.continue();
          } else {
            foreign.push(request.url());
            request.abort();
          }
        });
        await page.setViewport({ width: view.width, height: view.height, isMobile: view.mobile, deviceScaleFactor: 1 });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: view.scheme }]);
        await page.goto(url, { waitUntil: 'load' });
        const facts = await page.evaluate(() => {
          const style = (element, property) => (element ? getComputedStyle(element)[property] : null);
          const firstCell = document.querySelector('td.cell');
          if (firstCell) {
            firstCell.click();
          }
          return {
            title: document.title,
            background: style(document.body, 'backgroundColor'),
            ink: style(document.body, 'color'),
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            pictures: document.querySelectorAll('svg.ats-topology').length,
            boxFill: style(document.querySelector('svg.ats-topology .node rect'), 'fill'),
            widestPicture: Math.max(0, ...[...document.querySelectorAll('.picture, svg')].filter((e) => !e.closest('.picture')
              || e.classList.contains('picture')).map((e) => e.getBoundingClientRect().right)),
            scenarios: [...document.querySelectorAll('section.scenario')].map((s) => ({
              id: s.dataset.scenario,
              pictured: s.querySelectorAll('svg.ats-topology').length,
              sent: s.querySelectorAll('svg .node.sent').length,
              defects: [...s.querySelectorAll('svg [data-defect]')].map((d) => d.dataset.defect),
              profiles: [...s.querySelectorAll('li[data-profile]')].map((p) => ({
                profile: p.dataset.profile, verdict: p.className, colour: style(p, 'backgroundColor') })),
            })),
            cells: [...document.querySelectorAll('td.cell')].map((c) => ({
              agreement: c.dataset.agreement, title: c.title, colour: style(c, 'backgroundColor') })),
            said: document.querySelector('.heatmap output') ? document.querySelector('.heatmap output').textContent : null,
            anchors: [...document.querySelectorAll('svg .node.anchor')].map((n) => ({
              ca: n.dataset.ca, fill: style(n.querySelector('rect'), 'fill') })),
            plainBoxFill: style(document.querySelector('svg.ats-topology .node:not(.anchor) rect'), 'fill'),
            chains: [...document.querySelectorAll('td[data-root]')].map((td) => ({
              root: td.dataset.root, shape: td.dataset.shape, trusted: td.classList.contains('accept'),
              colour: style(td, 'backgroundColor') })),
            days: [...document.querySelectorAll('svg.ats-timeline [data-day]')].map((e) => e.getAttribute('class') + ' '
              + e.dataset.day),
          };
        });
        const screenshot = path.join(outDir, `${name}-${view.mode}.png`);
        await page.screenshot({ path: screenshot });
        console.log(JSON.stringify({ page: name, view: view.mode, width: view.width, foreign, screenshot, ...facts }));
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
