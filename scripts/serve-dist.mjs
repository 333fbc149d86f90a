#!/usr/bin/env node
/**
 * Serves dist/ the way a static host does, with the headers of dist/_headers (the copy of
 * public/_headers that ships): `astro preview` ignores that file, so tests against it would not
 * test what ships.
 *
 *   node scripts/serve-dist.mjs [--port 4321] [--allow-local-doh] [--shipped-port N] [--dir dist]
 *
 * --allow-local-doh  the test/preview variant: adds http://127.0.0.1:* and http://localhost:* to
 *                    connect-src of the pages that run checks, in the header and the page's <meta>, so the DNS checker can use
 *                    a local DoH relay. Only this server does it, only on request; dist/ never has it.
 * --shipped-port N   also listens on N with the headers exactly as shipped (no variant), so one
 *                    process serves both (the browser tests use both).
 * Text is sent brotli-compressed when the browser accepts it, as static hosts and CDNs do (page
 * weight and Lighthouse figures would be wrong otherwise). Loopback only. Prints "serve-dist: ready" once listening; stops on SIGTERM/SIGINT.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import {
	LOCAL_DOH_ORIGINS,
	allowsAnyHttps,
	headersFor,
	injectMeta,
	metaPolicy,
	parseHeaders,
	withConnectSrc,
} from './lib/headers.mjs';

const { values: args } = parseArgs({
	options: {
		port: { type: 'string', default: '4321' },
		'shipped-port': { type: 'string' },
		'allow-local-doh': { type: 'boolean', default: false },
		dir: { type: 'string', default: 'dist' },
	},
});
const root = resolve(args.dir);
const rules = parseHeaders(await readFile(join(root, '_headers'), 'utf8'));

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
	'.pagefind': 'application/octet-stream',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
};

async function isFile(path) {
	return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/** URL path -> file, as static hosts resolve it: /x/ -> /x/index.html; /x -> redirect to /x/. */
async function resolvePath(urlPath) {
	const file = normalize(join(root, decodeURIComponent(urlPath)));
	if (file !== root && !file.startsWith(root + sep)) return { status: 404 };
	if (urlPath.endsWith('/'))
		return (await isFile(join(file, 'index.html')))
			? { file: join(file, 'index.html') }
			: { status: 404 };
	if (await isFile(file)) return { file };
	if (await isFile(join(file, 'index.html'))) return { redirect: urlPath + '/' };
	return { status: 404 };
}

/** Compressed bodies by file, mtime and variant: brotli at quality 11 is slow to redo per request. */
const compressed = new Map();

function handler(localDoh) {
	return async (req, res) => {
		try {
			const url = new URL(req.url ?? '/', 'http://localhost');
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				res.writeHead(405, { allow: 'GET, HEAD' }).end();
				return;
			}
			let found = await resolvePath(url.pathname);
			if (found.redirect) {
				res.writeHead(301, { location: found.redirect + url.search }).end();
				return;
			}
			const status = found.status ?? 200;
			// A miss gets the site's 404 page, as Netlify and Cloudflare Pages serve /404.html.
			const file = found.file ?? join(root, '404.html');
			const headers = Object.fromEntries(
				headersFor(rules, found.file ? url.pathname : '/404.html')
			);
			let body = await readFile(file);
			// Only the pages that run checks reach other origins; the others stay as shipped.
			if (
				localDoh &&
				headers['content-security-policy'] &&
				allowsAnyHttps(headers['content-security-policy'])
			) {
				headers['content-security-policy'] = withConnectSrc(
					headers['content-security-policy'],
					LOCAL_DOH_ORIGINS
				);
				if (file.endsWith('.html'))
					body = Buffer.from(
						injectMeta(body.toString('utf8'), metaPolicy(headers['content-security-policy']))
					);
			}
			headers['content-type'] = TYPES[extname(file)] ?? 'application/octet-stream';
			if (
				/^(text\/|application\/(json|xml|wasm)|image\/svg)/.test(headers['content-type']) &&
				/\bbr\b/.test(String(req.headers['accept-encoding']))
			) {
				const key = `${file}:${(await stat(file)).mtimeMs}:${localDoh}`;
				if (!compressed.has(key))
					compressed.set(
						key,
						brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
					);
				body = compressed.get(key);
				headers['content-encoding'] = 'br';
				headers['vary'] = 'Accept-Encoding';
			}
			headers['content-length'] = String(body.length);
			res.writeHead(status, headers);
			res.end(req.method === 'HEAD' ? undefined : body);
		} catch (error) {
			res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
		}
	};
}

const servers = [];
function listen(port, localDoh) {
	return new Promise((ok, fail) => {
		const server = createServer(handler(localDoh));
		server.once('error', fail);
		server.listen(Number(port), '127.0.0.1', () => ok(server));
		servers.push(server);
	});
}

await listen(args.port, args['allow-local-doh']);
if (args['shipped-port']) await listen(args['shipped-port'], false);
console.log(
	`serve-dist: ready on http://127.0.0.1:${args.port}/${args['allow-local-doh'] ? ' (local DoH allowed)' : ''}` +
		(args['shipped-port']
			? ` and http://127.0.0.1:${args['shipped-port']}/ (headers as shipped)`
			: '')
);
for (const signal of ['SIGTERM', 'SIGINT'])
	process.on(signal, () => {
		for (const s of servers) s.close();
		process.exit(0);
	});
