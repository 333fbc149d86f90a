/**
 * IPv4 and IPv6 addresses and networks for SPF's `ip4`, `ip6`, `a` and `mx` mechanisms
 * (RFC 7208 §5.6), as numbers so CIDR matching is exact. No DNS, no DOM.
 */

/** RFC 7208 §12 `qnum`: 0-255 without leading zeros. */
const QNUM = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function parseIPv4(text: string): number | undefined {
	const parts = text.split('.');
	if (parts.length !== 4 || !parts.every((p) => QNUM.test(p))) return undefined;
	return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** RFC 4291 §2.2 text forms, including `::` and a trailing dotted IPv4 part. */
export function parseIPv6(text: string): bigint | undefined {
	if (!/^[0-9a-f:.]+$/i.test(text) || text.length > 45) return undefined;
	let head = text;
	let tail: number[] = [];
	const lastColon = text.lastIndexOf(':');
	if (text.includes('.')) {
		const v4 = parseIPv4(text.slice(lastColon + 1));
		if (v4 === undefined || lastColon < 0) return undefined;
		tail = [Math.floor(v4 / 65536), v4 % 65536];
		const prefix = text.slice(0, lastColon + 1);
		head = prefix.endsWith('::') ? prefix : prefix.slice(0, -1);
	}
	const halves = head.split('::');
	if (halves.length > 2) return undefined;
	const groups = (s: string) => (s === '' ? [] : s.split(':'));
	const left = groups(halves[0]!);
	const right = halves.length === 2 ? groups(halves[1]!) : [];
	const hex = /^[0-9a-f]{1,4}$/i;
	if (![...left, ...right].every((g) => hex.test(g))) return undefined;
	const total = left.length + right.length + tail.length;
	if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
	const words = [
		...left.map((g) => parseInt(g, 16)),
		...Array<number>(8 - total).fill(0),
		...right.map((g) => parseInt(g, 16)),
		...tail,
	];
	return words.reduce((n, w) => (n << 16n) | BigInt(w), 0n);
}

export type IpAddress = { version: 4; value: number } | { version: 6; value: bigint };

export function parseIp(text: string): IpAddress | undefined {
	const v4 = parseIPv4(text);
	if (v4 !== undefined) return { version: 4, value: v4 };
	const v6 = parseIPv6(text);
	return v6 === undefined ? undefined : { version: 6, value: v6 };
}

/** True when `address` is inside `network`/`prefix` of the same version. */
export function inNetwork(address: IpAddress, network: IpAddress, prefix: number): boolean {
	if (address.version !== network.version) return false;
	if (address.version === 4) {
		if (prefix === 0) return true;
		const shift = 32 - prefix;
		return (
			Math.floor(address.value / 2 ** shift) === Math.floor((network.value as number) / 2 ** shift)
		);
	}
	const shift = BigInt(128 - prefix);
	return address.value >> shift === (network.value as bigint) >> shift;
}

/** The `%{i}` macro form (RFC 7208 §7.3): dotted quad, or 32 dot-separated nibbles for IPv6. */
export function macroForm(address: IpAddress): string {
	if (address.version === 4) {
		const v = address.value;
		return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
	}
	return address.value.toString(16).padStart(32, '0').split('').join('.');
}

/** The reverse-lookup name (RFC 1035 §3.5, RFC 3596 §2.5) for the `ptr` mechanism. */
export function reverseName(address: IpAddress): string {
	const labels = macroForm(address).split('.').reverse().join('.');
	return `${labels}.${address.version === 4 ? 'in-addr' : 'ip6'}.arpa`;
}
