/** Reading untrusted form posts and JSON bodies: a body that cannot be read is a 400, never a 500. */
import { error } from '@sveltejs/kit';
import { z } from 'zod';

export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, 'The form could not be read. Send it again from the page.');
	}
}

/** A text field's value ('' when missing or a file); not trimmed (passwords keep their spaces). */
export function field(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** What a form or JSON body gives after validation: the data, or each bad field's message and what was sent. */
export type Parsed<T> =
	{ ok: true; data: T } | { ok: false; errors: Record<string, string>; values: Record<string, string> };

// Never echoed back into the page: a password typed once stays in the request.
const SECRET = /password/i;

/** The first message per field path ('' for the whole body), in the schema's words. */
function located(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of issues) errors[issue.path.join('.')] ??= issue.message;
	return errors;
}

/** A text field that may be missing: '' then, as `field` reads it. */
export const text = () => z.string().default('');

/**
 * An already-read form checked by one zod schema over its text fields (the first value of each name). For
 * routes that also hand the FormData on, e.g. to read an answer's several checked options.
 */
export function checkForm<S extends z.ZodType>(form: FormData, schema: S): Parsed<z.infer<S>> {
	const values: Record<string, string> = {};
	for (const [name, value] of form) if (typeof value === 'string' && !SECRET.test(name)) values[name] = value;
	const fields = Object.fromEntries([...form.keys()].map((name) => [name, field(form, name)]));
	const result = schema.safeParse(fields);
	return result.success
		? { ok: true, data: result.data }
		: { ok: false, errors: located(result.error.issues), values };
}

/** A form post checked by one zod schema over its text fields (a body that is not a form is a 400). */
export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<Parsed<z.infer<S>>> {
	return checkForm(await readForm(request), schema);
}

/** A JSON body checked by one zod schema; unreadable JSON is reported like any other bad field. */
export async function parseJson<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<Parsed<z.infer<S>>> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return { ok: false, errors: { '': 'The request body is not JSON.' }, values: {} };
	}
	return checkJson(body, schema);
}

/** A JSON value already read (e.g. after a size limit) checked by one zod schema; errors in issue order. */
export function checkJson<S extends z.ZodType>(body: unknown, schema: S): Parsed<z.infer<S>> {
	const result = schema.safeParse(body);
	return result.success
		? { ok: true, data: result.data }
		: { ok: false, errors: located(result.error.issues), values: {} };
}
