/**
 * Starlight's search box builds Pagefind's UI in an idle callback (`requestIdleCallback` with no
 * timeout, after DOMContentLoaded). Chromium runs no idle callback while a modal dialog opened
 * right after load is showing: with Ctrl+K pressed at once, 6 loads in 30 opened the search
 * dialog empty, and it stayed empty (measured here, issue 17). Every idle callback that asked for
 * no deadline gets one, so it runs at the latest after DEADLINE_MS, idle or not.
 */
const DEADLINE_MS = 1000;

const requestIdle = window.requestIdleCallback?.bind(window);
if (requestIdle) {
	window.requestIdleCallback = (callback, options) =>
		requestIdle(callback, { timeout: DEADLINE_MS, ...options });
}
