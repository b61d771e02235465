import puppeteer from 'puppeteer-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
const html = gunzipSync(readFileSync('/work/shared/corpus/wcxb-dev-articles/html/0001.html.gz')).toString('latin1').replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
const srv = createServer((q, r) => { r.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "script-src 'none'" }); r.end(Buffer.from(html, 'latin1')); });
await new Promise((r) => srv.listen(8766, '127.0.0.1', r));
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, pipe: true, enableExtensions: ['/tmp/swbench/ext'], userDataDir: mkdtempSync('/tmp/swprof-'),
  args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-extension-debugging', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
await browser.waitForTarget((t) => t.type() === 'service_worker');
const ext = [...(await browser.extensions()).values()][0];
const page = await browser.newPage();
const s = await page.createCDPSession();
await s.send('ServiceWorker.enable');
for (let i = 0; i < 4; i++) {
  await page.goto('http://127.0.0.1:8766/?' + i);
  const w0 = await (await browser.waitForTarget((t) => t.type() === 'service_worker')).worker();
  await w0.close();
  await new Promise((r) => setTimeout(r, 1500));
  await page.evaluate(() => { globalThis.__done = new Promise((res) => new MutationObserver((rs, o) => { for (const r of rs) for (const n of r.addedNodes) if (n.nodeName === 'SAYWHO-READER') { o.disconnect(); res(performance.timeOrigin + performance.now()); } }).observe(document.documentElement, { childList: true })); });
  const t0 = performance.timeOrigin + performance.now();
  await page.triggerExtensionAction(ext);
  const tEnd = await page.evaluate(() => globalThis.__done);
  const w = await (await browser.waitForTarget((t) => t.type() === 'service_worker')).worker();
  const info = await w.evaluate(() => ({ origin: performance.timeOrigin, res: performance.getEntriesByType('resource').map((e) => ({ n: e.name.split('/').pop(), s: e.startTime, e: e.responseEnd })), now: performance.now() }));
  console.log(`toggle ${(tEnd - t0).toFixed(0)} ms; worker started +${(info.origin - t0).toFixed(0)} ms; resources ${info.res.map((r) => `${r.n} ${r.s.toFixed(0)}→${r.e.toFixed(0)}`).join(', ')}; reader shown at worker +${(tEnd - info.origin).toFixed(0)} ms`);
}
await browser.close(); srv.close();
