/** Reading untrusted form posts: a body that is not form data is a 400, never a 500. */
import { error } from '@sveltejs/kit';

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
