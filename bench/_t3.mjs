import { build } from 'esbuild';
const bundle = await build({ entryPoints: ['src/lib/headers/analyzeHeaders.ts'], bundle: true, format: 'esm', write: false, platform: 'neutral' });
const m = await import('data:text/javascript;base64,' + Buffer.from(bundle.outputFiles[0].text).toString('base64'));
const f=(t)=>{let b=1e9;for(let i=0;i<3;i++){const s=process.cpuUsage();m.analyzeHeaders(t);const u=process.cpuUsage(s);b=Math.min(b,(u.user+u.system)/1000);}return b.toFixed(1);};
for (const n of [16384, 32768, 65536, 131072]) { const t='Received: ' + 'from a with b c '.repeat(n) + '; 1 Dec 2026 10:00 +0000\n'; console.log(n, f(t)); }
