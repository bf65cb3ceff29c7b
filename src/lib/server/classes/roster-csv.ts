/**
 * The bulk-create CSV: one student per line, `username,display name`, an optional header line, RFC 4180
 * quoting (so "Lopez, Ana" works), UTF-8 with or without BOM, CRLF or LF. Every problem is reported with
 * its line number, all at once; the import runs only on a clean file.
 */
import {
	displayNameProblem,
	normaliseDisplayName,
	normaliseUsername,
	usernameProblem
} from '$lib/server/auth/accounts';

export const MAX_ROWS = 200;
export const MAX_BYTES = 100_000;

export interface CsvRecord {
	/** 1-based line where the record starts. */
	line: number;
	fields: string[];
}

export interface RowProblem {
	line: number;
	message: string;
}

/** RFC 4180 records; an unterminated quote is a problem on the line where it opened. */
export function parseCsv(text: string): { records: CsvRecord[]; problems: RowProblem[] } {
	const src = text.replace(/^\uFEFF/, '');
	const records: CsvRecord[] = [];
	const problems: RowProblem[] = [];
	let fields: string[] = [];
	let field = '';
	let line = 1;
	let recordLine = 1;
	let quoted = false;
	let quoteLine = 0;
	let fieldStarted = false;
	const endRecord = () => {
		fields.push(field);
		if (!(fields.length === 1 && fields[0]!.trim() === '')) records.push({ line: recordLine, fields });
		fields = [];
		field = '';
		fieldStarted = false;
	};
	for (let i = 0; i < src.length; i++) {
		const c = src[i]!;
		if (quoted) {
			if (c === '"') {
				if (src[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else {
				if (c === '\n') line++;
				field += c;
			}
			continue;
		}
		if (c === '"' && !fieldStarted) {
			quoted = true;
			quoteLine = line;
			fieldStarted = true;
		} else if (c === ',') {
			fields.push(field);
			field = '';
			fieldStarted = false;
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && src[i + 1] === '\n') i++;
			endRecord();
			line++;
			recordLine = line;
		} else {
			field += c;
			fieldStarted = true;
		}
	}
	if (quoted) problems.push({ line: quoteLine, message: 'A quoted field is never closed (missing ").' });
	else if (field !== '' || fields.length > 0) endRecord();
	return { records, problems };
}

export interface StudentRow {
	line: number;
	username: string;
	displayName: string;
}

const HEADER = /^\s*user\s*name\s*$/i;

/** Rows → students, or every problem found (format, duplicates within the file, too many rows). */
export function studentsFromCsv(
	text: string
): { ok: true; students: StudentRow[] } | { ok: false; problems: RowProblem[] } {
	if (new TextEncoder().encode(text).length > MAX_BYTES)
		return { ok: false, problems: [{ line: 0, message: `The file is larger than ${MAX_BYTES / 1000} kB.` }] };
	const { records, problems } = parseCsv(text);
	const body = records.length > 0 && HEADER.test(records[0]!.fields[0] ?? '') ? records.slice(1) : records;
	if (body.length === 0 && problems.length === 0)
		return { ok: false, problems: [{ line: 0, message: 'The file has no students in it.' }] };
	if (body.length > MAX_ROWS)
		problems.push({
			line: 0,
			message: `At most ${MAX_ROWS} students per import; this file has ${body.length}.`
		});
	const seen = new Map<string, number>();
	const students: StudentRow[] = [];
	for (const { line, fields } of body) {
		if (fields.length !== 2) {
			problems.push({
				line,
				message: `Expected 2 columns (username, display name), found ${fields.length}.`
			});
			continue;
		}
		const username = normaliseUsername(fields[0]!);
		const displayName = normaliseDisplayName(fields[1]!);
		const problem = usernameProblem(username) ?? displayNameProblem(displayName);
		if (problem) {
			problems.push({ line, message: problem });
			continue;
		}
		const first = seen.get(username);
		if (first !== undefined) {
			problems.push({ line, message: `The username “${username}” is already on line ${first}.` });
			continue;
		}
		seen.set(username, line);
		students.push({ line, username, displayName });
	}
	problems.sort((a, b) => a.line - b.line);
	return problems.length ? { ok: false, problems } : { ok: true, students };
}

/**
 * The one-time credentials sheet, as CSV. Fields are quoted where needed, and a value a spreadsheet would
 * run as a formula (leading = + - @) gets a leading apostrophe (OWASP's CSV-injection advice).
 */
export function credentialsCsv(rows: { username: string; displayName: string; password: string }[]): string {
	const quote = (raw: string) => {
		const v = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
		return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
	};
	const lines = [
		['username', 'display name', 'initial password'],
		...rows.map((r) => [r.username, r.displayName, r.password])
	];
	return lines.map((l) => l.map(quote).join(',')).join('\r\n') + '\r\n';
}
