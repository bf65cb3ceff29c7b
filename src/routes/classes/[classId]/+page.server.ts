import { error, fail } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/request';
import { assignmentsOfClass, studentAssignments } from '$lib/server/classes/assignments';
import {
	memberClass,
	regenerateJoinCode,
	removeStudent,
	resetStudentPassword,
	roster
} from '$lib/server/classes/classes';
import { resetsOfClassStudents } from '$lib/server/classes/password-resets';
import { isId, requireOwnedClass } from '$lib/server/classes/route-guards';
import { assignableTargets, targetTitle } from '$lib/server/classes/targets';
import { assignmentSummaries } from '$lib/server/classes/work-status';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { parseForm } from '$lib/server/form';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

/** The owner sees the class to manage it; a member sees their own assignments in it; others get 404. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = appDb();
	const targets = assignableTargets(appContent());
	const now = event.locals.now;
	const { classId } = event.params;

	if (user.role === 'student') {
		const klass = isId(classId) ? await memberClass(db, { classId, userId: user.id }) : null;
		if (!klass) error(404, 'No such class.');
		const mine = await studentAssignments(db, { userId: user.id, now, classId, content: appContent() });
		return {
			view: 'student' as const,
			klass,
			assignments: mine.map((a) => ({
				id: a.id,
				title: targetTitle(targets, a),
				opensAt: a.opensAt,
				dueAt: a.effectiveDueAt,
				extended: a.extensionDueAt !== null,
				status: a.status
			}))
		};
	}

	const { klass } = await requireOwnedClass(event, classId);
	const students = await roster(db, { classId, instructorId: user.id });
	const assignments = await assignmentsOfClass(db, { classId, instructorId: user.id });
	// One read of every student's work on every assignment (not one per assignment).
	const counts = await assignmentSummaries(db, {
		assignments,
		userIds: students.map((s) => s.userId),
		now,
		content: appContent()
	});
	const summaries = assignments.map((a, i) => ({
		id: a.id,
		title: targetTitle(targets, a),
		opensAt: a.opensAt,
		dueAt: a.dueAt,
		submitted: counts[i]!.submitted,
		late: counts[i]!.late,
		overdue: counts[i]!.overdue
	}));
	return {
		view: 'instructor' as const,
		klass: { id: klass.id, name: klass.name, joinCode: klass.joinCode },
		joinLink: `${event.url.origin}/join?code=${klass.joinCode}`,
		students: students.map((s) => ({
			userId: s.userId,
			username: s.username,
			displayName: s.displayName,
			joinedAt: s.joinedAt,
			mustChangePassword: s.mustChangePassword
		})),
		assignments: summaries,
		passwordResets: await resetsOfClassStudents(db, { classId })
	};
};

/** The roster's per-student buttons post the student's id; anything else is refused with the action's words. */
const studentChoice = (message: string) =>
	z.object({ userId: z.string({ error: message }).refine(isId, message) });

export const actions: Actions = {
	regenerate: async (event) => {
		const { user } = await requireOwnedClass(event, event.params.classId);
		const result = await regenerateJoinCode(appDb(), {
			classId: event.params.classId,
			instructorId: user.id
		});
		if (!result.ok) return fail(result.status, { message: result.message });
		return { regenerated: result.joinCode };
	},
	remove: async (event) => {
		const { user } = await requireOwnedClass(event, event.params.classId);
		const parsed = await parseForm(event.request, studentChoice('Choose a student to remove.'));
		if (!parsed.ok) return fail(400, { message: parsed.errors.userId! });
		const studentId = parsed.data.userId;
		const result = await removeStudent(appDb(), {
			classId: event.params.classId,
			instructorId: user.id,
			studentId
		});
		if (!result.ok) return fail(result.status, { message: result.message });
		return { removed: true };
	},
	resetPassword: async (event) => {
		const { user } = await requireOwnedClass(event, event.params.classId);
		const parsed = await parseForm(event.request, studentChoice('Choose a student.'));
		if (!parsed.ok) return fail(400, { message: parsed.errors.userId! });
		const studentId = parsed.data.userId;
		const result = await resetStudentPassword(appDb(), {
			classId: event.params.classId,
			instructorId: user.id,
			studentId,
			now: event.locals.now
		});
		if (!result.ok) return fail(result.status, { message: result.message });
		// Shown once: the new password exists only in this response.
		return {
			reset: { username: result.username, displayName: result.displayName, password: result.password }
		};
	}
};
