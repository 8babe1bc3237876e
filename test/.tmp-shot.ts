import { launch } from '/work/main/test/browser/browser.ts';
import { serve } from '/work/main/test/browser/static-server.ts';
const server = await serve('/work/main/dist');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
for (const [name, path, action] of [
  ['search', '/search/', async () => { await page.fill('#search-q', 'connection pool'); await page.waitForSelector('.search-results li'); }],
  ['browse', '/search/?component=orders-db', async () => { await page.waitForSelector('.search-results li'); }],
  ['patterns', '/patterns/', async () => {}],
  ['pattern', '/patterns/components/orders-db/', async () => { await page.waitForTimeout(500); }],
] as const) {
  await page.goto(server.url + path);
  await action();
  await page.screenshot({ path: `/tmp/${name}.png`, fullPage: name !== 'patterns' });
}
await browser.close(); await server.close();
