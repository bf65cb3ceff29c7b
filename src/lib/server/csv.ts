/**
 * CSV for spreadsheets (issue 6): RFC 4180 (CRLF line ends, fields with a comma, quote, CR or LF quoted,
 * quotes doubled), UTF-8 with a byte-order mark so Excel reads accents, dates as ISO 8601 (callers pass ISO
 * strings). Text that a spreadsheet would run as a formula (=, +, -, @ and not a number) gets a leading
 * apostrophe (OWASP "CSV injection").
 */
export type CsvValue = string | number | boolean | null | undefined;

const BOM = '\uFEFF';
const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
	if (typeof value === 'string' && FORMULA.test(text) && !/^[-+]?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
	return BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A download response for a CSV body. */
export function csvResponse(body: string, filename: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '-')}"`,
			'cache-control': 'private, no-store'
		}
	});
}
