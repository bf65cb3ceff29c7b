import { describe, expect, it } from 'vitest';
import { credentialsCsv, MAX_ROWS, parseCsv, studentsFromCsv } from './roster-csv';

describe('roster CSV', () => {
	it('parses quotes, embedded commas and newlines, CRLF, a BOM and blank lines', () => {
		const text =
			'\uFEFFusername,display name\r\nana,"Lopez, Ana"\r\n\r\nben,"Ben ""BK"" Kim"\nchen,"Chen\nLi"\n';
		const { records, problems } = parseCsv(text);
		expect(problems).toEqual([]);
		expect(records).toEqual([
			{ line: 1, fields: ['username', 'display name'] },
			{ line: 2, fields: ['ana', 'Lopez, Ana'] },
			{ line: 4, fields: ['ben', 'Ben "BK" Kim'] },
			{ line: 5, fields: ['chen', 'Chen\nLi'] }
		]);
	});

	it('numbers records after a multi-line field, and reports an unclosed quote on the line it opened', () => {
		const { records, problems } = parseCsv('ana,"Ana\nLopez"\nben,Ben\n\n\ncy,"Cy\nNever closed\n');
		expect(records).toEqual([
			{ line: 1, fields: ['ana', 'Ana\nLopez'] },
			{ line: 3, fields: ['ben', 'Ben'] }
		]);
		expect(problems).toEqual([{ line: 6, message: 'A quoted field is never closed (missing ").' }]);
	});

	it('reads students with or without a header, normalising usernames and spaces', () => {
		expect(studentsFromCsv(' Ana.Lopez ,  Ana   López \nben,Ben Kim')).toEqual({
			ok: true,
			students: [
				{ line: 1, username: 'ana.lopez', displayName: 'Ana López' },
				{ line: 2, username: 'ben', displayName: 'Ben Kim' }
			]
		});
		expect(studentsFromCsv('Username,Display name\nben,Ben Kim')).toMatchObject({
			ok: true,
			students: [{ line: 2 }]
		});
	});

	it('reports every bad row with its line, and no students at all when any row is bad', () => {
		const result = studentsFromCsv(
			[
				'username,display name',
				'ana,Ana',
				'bad name,Bad',
				'ben,',
				'ana,Ana again',
				'chen,Chen,extra',
				'x,X',
				'"open,Open'
			].join('\n')
		);
		expect(result).toEqual({
			ok: false,
			problems: [
				{ line: 3, message: expect.stringMatching(/username/) },
				{ line: 4, message: 'Enter a display name.' },
				{ line: 5, message: 'The username “ana” is already on line 2.' },
				{ line: 6, message: 'Expected 2 columns (username, display name), found 3.' },
				{ line: 7, message: expect.stringMatching(/username/) },
				{ line: 8, message: 'A quoted field is never closed (missing ").' }
			]
		});
	});

	it('refuses an empty file and one with too many rows', () => {
		expect(studentsFromCsv('username,display name\n')).toMatchObject({
			ok: false,
			problems: [{ message: /no students/ }]
		});
		const many = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `s${i},Student ${i}`).join('\n');
		expect(studentsFromCsv(many)).toMatchObject({
			ok: false,
			problems: [{ line: 0, message: /At most 200/ }]
		});
	});

	it('writes the credentials sheet safely for spreadsheets', () => {
		expect(
			credentialsCsv([
				{ username: 'ana', displayName: 'Lopez, Ana', password: 'abcd-efgh-jkmn' },
				{ username: 'ben', displayName: '=HYPERLINK("x")', password: 'pqrs-tuvw-xyz2' }
			])
		).toBe(
			'\uFEFFusername,display name,initial password\r\nana,"Lopez, Ana",abcd-efgh-jkmn\r\nben,"\'=HYPERLINK(""x"")",pqrs-tuvw-xyz2\r\n'
		);
	});
});
