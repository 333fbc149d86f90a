import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage();
const [lang, q] = process.argv.slice(2);
await p.goto(`http://127.0.0.1:4999/${lang}/diagnostic/`);
console.log(await p.evaluate(async (query) => {
  const pf = await import('/pagefind/pagefind.js');
  const { results } = await pf.search(query);
  const d = await results[0].data();
  return d.url + ' ' + d.sub_results.map((s) => s.url + ' ' + s.excerpt).join('\n');
}, q));
await b.close();
