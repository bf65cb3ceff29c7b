/**
 * The bulk-create CSV: one student per line, `username,display name`, an optional header line, RFC 4180
 * quoting (so "Lopez, Ana" works; parsed by csv-parse), UTF-8 with or without BOM, CRLF or LF. Every problem is reported with
 * its line number, all at once; the import runs only on a clean file.
 */
import { CsvError, parse } from 'csv-parse/sync';
import {
	displayNameProblem,
	normaliseDisplayName,
	normaliseUsername,
	usernameProblem
} from '$lib/server/auth/accounts';
import { toCsv } from '$lib/server/csv';

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

const BREAK = /\r\n|\n|\r/g;
const breaks = (text: string) => text.match(BREAK)?.length ?? 0;

/**
 * RFC 4180 records through csv-parse, each with the line it starts on. csv-parse counts the line a record
 * ends on, so a record whose quoted fields hold line breaks starts that many lines earlier. A broken record
 * is reported and skipped (the rest still parse, so every problem shows at once); an unterminated quote
 * swallows the rest of the file and is reported on the line where it opened.
 */
export function parseCsv(text: string): { records: CsvRecord[]; problems: RowProblem[] } {
	const problems: RowProblem[] = [];
	const records: CsvRecord[] = [];
	const skipped: CsvError[] = [];
	let lastEnd = 0;
	parse(text, {
		bom: true,
		relax_column_count: true,
		relax_quotes: true,
		skip_empty_lines: true,
		record_delimiter: ['\r\n', '\n', '\r'],
		skip_records_with_error: true,
		on_skip: (err) => {
			if (err) skipped.push(err);
		},
		on_record: (record: string[], { lines }) => {
			lastEnd = lines;
			if (!(record.length === 1 && record[0]!.trim() === ''))
				records.push({ line: lines - record.reduce((n, f) => n + breaks(f), 0), fields: record });
			return null;
		}
	});
	for (const err of skipped) {
		if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
			problems.push({
				line: openingLine(text, lastEnd),
				message: 'A quoted field is never closed (missing ").'
			});
		} else {
			const line = typeof err.lines === 'number' ? err.lines : 0;
			problems.push({
				line,
				message:
					'This line’s quotes do not pair up: a quoted field must end with " right before the comma or the line’s end.'
			});
		}
	}
	return { records, problems };
}

/** The first non-blank line after the last record that parsed: where the unterminated quote opened. */
function openingLine(text: string, lastRecordEnd: number): number {
	const lines = text.replace(/^\uFEFF/, '').split(BREAK);
	let line = lastRecordEnd + 1;
	while (line <= lines.length && lines[line - 1]!.trim() === '') line++;
	return line;
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

/** The one-time credentials sheet, as CSV (the exports' writer: quoted where needed, formula-safe). */
export function credentialsCsv(rows: { username: string; displayName: string; password: string }[]): string {
	return toCsv(
		['username', 'display name', 'initial password'],
		rows.map((r) => [r.username, r.displayName, r.password])
	);
}
