/**
 * Copying for every copy button of the site (the copy links, the decision tree's summary, the DNS
 * report), with one fallback: when the browser refuses the clipboard (no Clipboard API, an
 * insecure page, a permission refused), the text appears in a read-only field, selected, to copy
 * by hand. Nothing is lost and the reader is told what to do.
 */
import { el } from './dom';

export interface ManualCopy {
	/** Where the field goes; shown only when the clipboard refuses. */
	box: HTMLElement;
	/**
	 * The field's name: a label to show ("Summary for a support request"), or an element already
	 * on the page that says it (the copy link's status line), referenced by aria-labelledby.
	 */
	label: string | HTMLElement;
	/** `data-testid` of the field. */
	testId?: string;
}

let fields = 0;

/**
 * Puts `text` on the clipboard and returns true; else shows it in `manual.box`, focused and
 * selected, and returns false. The field always holds the latest text, so what the reader sees
 * and what was copied never differ.
 */
export async function copyText(text: string, manual: ManualCopy): Promise<boolean> {
	const field = manualField(manual, text);
	try {
		if (!navigator.clipboard?.writeText) throw new Error('No Clipboard API here');
		await navigator.clipboard.writeText(text);
		manual.box.hidden = true;
		return true;
	} catch {
		manual.box.hidden = false;
		field.focus();
		field.select();
		return false;
	}
}

function manualField(manual: ManualCopy, text: string): HTMLInputElement | HTMLTextAreaElement {
	const multiline = text.includes('\n');
	let field = manual.box.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
	if (!field || field instanceof HTMLTextAreaElement !== multiline) {
		const id = `copy-manual-${++fields}`;
		field = multiline ? el('textarea') : el('input');
		if (field instanceof HTMLInputElement) field.type = 'text';
		else field.rows = Math.min(12, text.split('\n').length);
		field.id = id;
		field.readOnly = true;
		field.spellcheck = false;
		field.className = 'copy-manual-field';
		if (manual.testId) field.dataset.testid = manual.testId;
		if (typeof manual.label === 'string') {
			const label = el('label', manual.label);
			label.htmlFor = id;
			manual.box.replaceChildren(label, field);
		} else {
			manual.label.id ||= `${id}-label`;
			field.setAttribute('aria-labelledby', manual.label.id);
			manual.box.replaceChildren(field);
		}
	}
	field.value = text;
	return field;
}
