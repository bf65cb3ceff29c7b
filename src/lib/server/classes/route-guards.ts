/**
 * Guards for class routes: the acting user must own the class (instructor routes) or be in it (student
 * routes). Anything else is a 404, the same as a class that does not exist: ids are not confirmed to
 * people who may not see them. Role mismatches are a 403 (see $lib/server/auth/request.ts).
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { requireInstructor } from '$lib/server/auth/request';
import { appDb } from '$lib/server/db';
import { ownedAssignment } from './assignments';
import { ownedClass } from './classes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isId(value: string): boolean {
	return UUID.test(value);
}

type Guarded = Pick<RequestEvent, 'locals' | 'url' | 'request'>;

export async function requireOwnedClass(event: Guarded, classId: string) {
	const user = requireInstructor(event);
	const klass = isId(classId) ? await ownedClass(appDb(), { classId, instructorId: user.id }) : null;
	if (!klass) error(404, 'No such class.');
	return { user, klass };
}

export async function requireOwnedAssignment(event: Guarded, classId: string, assignmentId: string) {
	const user = requireInstructor(event);
	const assignment = isId(assignmentId)
		? await ownedAssignment(appDb(), { assignmentId, instructorId: user.id })
		: null;
	if (!assignment || assignment.classId !== classId) error(404, 'No such assignment.');
	return { user, assignment };
}
