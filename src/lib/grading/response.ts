/**
 * Responses arrive as untrusted JSON or form data. These readers turn `unknown` into the shape a grader
 * needs or `undefined`; graders treat `undefined` as "no answer" and never throw.
 */
export function asString(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

export function asStringList(value: unknown): string[] | undefined {
	if (!Array.isArray(value)) return undefined;
	return value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === 'true') return true;
	if (value === 'false') return false;
	return undefined;
}

export function asNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	// Accept a decimal comma and thin spaces as typed by students; reject anything else.
	const cleaned = value
		.trim()
		.replace(/[\s\u202F]/g, '')
		.replace(',', '.');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
	const n = Number(cleaned);
	return Number.isFinite(n) ? n : undefined;
}

export function asIndexList(value: unknown): number[] | undefined {
	if (!Array.isArray(value)) return undefined;
	const out: number[] = [];
	for (const v of value) {
		const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
		if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return undefined;
		out.push(n);
	}
	return out;
}

export function asRecord(value: unknown): Record<string, string> | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(value)) {
		if (typeof v !== 'string') return undefined;
		out[k] = v;
	}
	return out;
}
