#!/usr/bin/env node
/**
 * Message-headers parser speed in Node (issue 16: 1 MB of headers under 200 ms): bundles
 * src/lib/headers/analyzeHeaders.ts with esbuild in memory and times analyzeHeaders on 1 MB
 * inputs, median of runs after a warm-up. The page's own figure (Chromium, to the rendered
 * report) is the page's bench; this one isolates the parser. Wall time and this process's CPU
 * time (process.cpuUsage: what the parse costs without the other work on a shared machine).
 * Usage: node bench/headers-parse.mjs [runs]   (from the repo root)
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const runs = Number(process.argv[2] ?? 15);
const MB = 1024 * 1024;

const bundle = await build({
	entryPoints: ['src/lib/headers/analyzeHeaders.ts'],
	bundle: true,
	format: 'esm',
	write: false,
	platform: 'neutral',
});
const { analyzeHeaders } = await import(
	'data:text/javascript;base64,' + Buffer.from(bundle.outputFiles[0].text).toString('base64')
);

const headerBlock = (name) =>
	readFileSync(`tests/fixtures/headers/${name}`, 'utf8').split(/\r?\n\r?\n/)[0] + '\n';
const fill = (unit) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

const inputs = {
	'real header sets repeated (Gmail + Exchange Online + Postfix)': fill(
		headerBlock('gmail.txt') + headerBlock('exchange-online.txt') + headerBlock('postfix.txt')
	),
	'one 1 MB Received value':
		'Received: from a (b [192.0.2.1]) ' +
		fill('by c (x) with ESMTP ') +
		'; 1 Dec 2026 10:00 +0000\n',
	'one 1 MB Authentication-Results':
		'Authentication-Results: mx; ' + fill('spf=pass (c) smtp.mailfrom=a@b; ') + '\n',
	'nested comments': 'Received: ' + fill('(') + '\n',
	'1 MB Subject of encoded-words': 'Subject: ' + fill('=?utf-8?Q?caf=C3=A9?= ') + '\n',
	'1 MB X-VR-SPAMCAUSE': 'X-VR-SPAMCAUSE: ' + fill('gggruggv') + '\n',
};

console.log(`load average ${loadavg()[0].toFixed(1)} on ${runs} runs`);
for (const [name, text] of Object.entries(inputs)) {
	analyzeHeaders(text); // warm-up
	const times = [];
	const cpu = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		const startCpu = process.cpuUsage();
		analyzeHeaders(text);
		const used = process.cpuUsage(startCpu);
		times.push(performance.now() - start);
		cpu.push((used.user + used.system) / 1000);
	}
	const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
	console.log(
		`${name}: ${(text.length / MB).toFixed(2)} MB, wall median ${median(times).toFixed(1)} ms (${times[0].toFixed(1)}–${times.at(-1).toFixed(1)}), CPU median ${median(cpu).toFixed(1)} ms (${cpu[0].toFixed(1)}–${cpu.at(-1).toFixed(1)})`
	);
}
