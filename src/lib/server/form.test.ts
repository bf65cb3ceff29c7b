import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkForm, parseForm, parseJson, text } from './form';

const post = (body: BodyInit, type?: string) =>
	new Request('http://x/', { method: 'POST', body, headers: type ? { 'content-type': type } : {} });
const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
};
const schema = z.object({
	name: z.string().trim().min(1, 'Enter a name.'),
	age: z.coerce.number().int('Enter a whole number.'),
	password: z.string().min(8, 'At least 8 characters.')
});

describe('parseForm and parseJson', () => {
	it('returns the parsed data of a good form', async () => {
		const r = await parseForm(post(form({ name: ' Ana ', age: '12', password: 'long enough' })), schema);
		expect(r).toEqual({ ok: true, data: { name: 'Ana', age: 12, password: 'long enough' } });
	});

	it('locates each bad field with its message and echoes what was typed, except passwords', async () => {
		const r = await parseForm(post(form({ name: ' ', age: '1.5', password: 'short' })), schema);
		expect(r).toEqual({
			ok: false,
			errors: { name: 'Enter a name.', age: 'Enter a whole number.', password: 'At least 8 characters.' },
			values: { name: ' ', age: '1.5' }
		});
	});

	it('refuses a body that is not a form with a 400', async () => {
		await expect(parseForm(post('{"name":"x"}', 'application/json'), schema)).rejects.toMatchObject({
			status: 400
		});
	});

	it('checks JSON the same way, and reports unreadable JSON', async () => {
		expect(await parseJson(post('{"name":"Ben","age":3,"password":"long enough"}'), schema)).toMatchObject({
			ok: true,
			data: { name: 'Ben', age: 3 }
		});
		expect(await parseJson(post('{"name":"Ben"'), schema)).toEqual({
			ok: false,
			errors: { '': 'The request body is not JSON.' },
			values: {}
		});
		expect(await parseJson(post('{"name":"","age":3,"password":"long enough"}'), schema)).toMatchObject({
			ok: false,
			errors: { name: 'Enter a name.' }
		});
	});

	it('checks a form already read, reading a missing text field as empty and a repeated one by its first value', () => {
		const f = form({ name: 'Ana' });
		f.append('name', 'second');
		f.append('option', 'a');
		f.append('option', 'b');
		const r = checkForm(f, z.object({ name: text(), note: text() }));
		expect(r).toEqual({ ok: true, data: { name: 'Ana', note: '' } });
		// The form itself is untouched: an answer's several checked options can still be read from it.
		expect(f.getAll('option')).toEqual(['a', 'b']);
	});
});
