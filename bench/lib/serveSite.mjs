/**
 * Serves dist/ for a bench the way the browser tests do: scripts/serve-dist.mjs with the headers
 * of dist/_headers (`astro preview` ignores them, and the page's CSP <meta> then refuses a local
 * DoH relay). `allowLocalDoh` adds the relay's origins, as the test variant does.
 */
import { spawn } from 'node:child_process';

/** Starts the server of `dir` on 127.0.0.1:`port`; resolves with a function that stops it. */
export function serveSite({ port, allowLocalDoh = false, dir = 'dist' }) {
	const args = ['scripts/serve-dist.mjs', '--port', String(port), '--dir', dir];
	if (allowLocalDoh) args.push('--allow-local-doh');
	const server = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
	const stop = () => {
		if (server.exitCode === null) server.kill('SIGTERM');
	};
	process.on('exit', stop);
	return new Promise((resolve, reject) => {
		server.stdout.on('data', (chunk) => String(chunk).includes('ready') && resolve(stop));
		server.once('exit', (code) =>
			reject(new Error(`serve-dist exited (${code}): run npm run build first`))
		);
	});
}
