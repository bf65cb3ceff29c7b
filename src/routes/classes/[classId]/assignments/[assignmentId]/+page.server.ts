import { fail, redirect } from '@sveltejs/kit';
import { settleAssignmentAttempts } from '$lib/server/classes/assigned-quizzes';
import { echoAssignmentForm, formOptions } from '$lib/server/classes/assignment-page';
import {
	assignmentProgress,
	assignmentsOfClass,
	clearExtension,
	deleteAssignment,
	FEEDBACK_POLICIES,
	LATE_POLICIES,
	parseAssignmentForm,
	setExtension,
	updateAssignment
} from '$lib/server/classes/assignments';
import { overlapWarning } from '$lib/server/classes/overlap';
import { isId, requireOwnedAssignment } from '$lib/server/classes/route-guards';
import { assignableTargets, targetKey, targetTitle } from '$lib/server/classes/targets';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { workLinks } from '$lib/server/progress/student-work';
import { field, parseForm, readForm, text } from '$lib/server/form';
import { z } from 'zod';
import { isTimeZone, zonedToUtc } from '$lib/time/zoned';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { classId, assignmentId } = event.params;
	const { user, assignment } = await requireOwnedAssignment(event, classId, assignmentId);
	const content = appContent();
	const db = appDb();
	const now = event.locals.now;
	const targets = assignableTargets(content);
	// Finalize-on-read: attempts past their deadline are graded before the progress is read.
	await settleAssignmentAttempts({ db, content, now, assignmentId });
	const progress = await assignmentProgress(db, { assignment, now, content });
	const workHref = await workLinks(db, { classId, assignments: [assignment] });
	const others = await assignmentsOfClass(db, { classId, instructorId: user.id });
	return {
		klass: { id: classId, name: assignment.className },
		// Shown on the page a new assignment lands on, and kept there while both assignments exist.
		overlap: overlapWarning(assignment, others, targets),
		assignment: {
			id: assignment.id,
			title: targetTitle(targets, assignment),
			opensAt: assignment.opensAt,
			dueAt: assignment.dueAt,
			attemptsAllowed: assignment.attemptsAllowed,
			timeLimitMinutes: assignment.timeLimitMinutes,
			feedback: FEEDBACK_POLICIES[assignment.feedbackPolicy],
			late: LATE_POLICIES[assignment.latePolicy],
			kind: assignment.kind
		},
		progress: progress.map((p) => ({
			userId: p.userId,
			username: p.username,
			displayName: p.displayName,
			status: p.status,
			dueAt: p.dueAt,
			extended: p.extensionDueAt !== null,
			submittedAt: p.submittedAt,
			score: p.score,
			partsDone: p.partsDone,
			parts: p.parts,
			// The work behind the row: the latest attempt, the lesson runs, or the student's page.
			workHref:
				p.status === 'not-started' || p.status === 'not-open' ? null : workHref(assignment.id, p.userId)
		})),
		// A whole module has parts (lessons and quizzes): show how far each student is.
		showParts: assignment.kind === 'module',
		...formOptions(targets),
		values: {
			target: targetKey(assignment.kind, assignment.moduleId, assignment.targetId),
			opensAt: assignment.opensAt,
			dueAt: assignment.dueAt,
			attemptsAllowed: assignment.attemptsAllowed,
			timeLimitMinutes: assignment.timeLimitMinutes,
			feedbackPolicy: assignment.feedbackPolicy,
			latePolicy: assignment.latePolicy,
			sameQuestions: assignment.sameQuestions
		}
	};
};

const CHOOSE_STUDENT = 'Choose a student.';
const student = z.string({ error: CHOOSE_STUDENT }).refine(isId, CHOOSE_STUDENT);
const deleteForm = z.object({
	confirm: z.literal('yes', { error: 'Tick the box to confirm that the students’ records go too.' })
});
// The due date is read in the instructor's time zone (UTC when the browser sent none or a strange one).
const extendForm = z.object({ userId: student, tz: text(), extensionDueAt: text() });
const clearForm = z.object({ userId: student });

export const actions: Actions = {
	update: async (event) => {
		const { classId, assignmentId } = event.params;
		const { user } = await requireOwnedAssignment(event, classId, assignmentId);
		const form = await readForm(event.request);
		const get = (name: string) => field(form, name);
		const parsed = parseAssignmentForm(get, assignableTargets(appContent()));
		if (!parsed.ok)
			return fail(400, {
				errors: parsed.errors,
				values: echoAssignmentForm(get),
				message: 'Check the fields marked below.'
			});
		const result = await updateAssignment(appDb(), {
			assignmentId,
			instructorId: user.id,
			input: parsed.input,
			now: event.locals.now
		});
		if (!result.ok)
			return fail(result.status, { errors: {}, values: echoAssignmentForm(get), message: result.message });
		return { updated: true };
	},
	delete: async (event) => {
		const { classId, assignmentId } = event.params;
		const { user } = await requireOwnedAssignment(event, classId, assignmentId);
		const parsed = await parseForm(event.request, deleteForm);
		if (!parsed.ok) return fail(400, { deleteMessage: parsed.errors.confirm });
		const result = await deleteAssignment(appDb(), { assignmentId, instructorId: user.id });
		if (!result.ok) return fail(result.status, { deleteMessage: result.message });
		redirect(303, `/classes/${classId}`);
	},
	extend: async (event) => {
		const { classId, assignmentId } = event.params;
		const { user } = await requireOwnedAssignment(event, classId, assignmentId);
		const parsed = await parseForm(event.request, extendForm);
		if (!parsed.ok) return fail(400, { extendMessage: parsed.errors.userId ?? CHOOSE_STUDENT });
		const { userId: studentId, tz, extensionDueAt } = parsed.data;
		const dueAt = zonedToUtc(extensionDueAt, isTimeZone(tz) ? tz : 'UTC');
		if (!dueAt) return fail(400, { extendMessage: 'Enter the new due date and time.' });
		const result = await setExtension(appDb(), {
			assignmentId,
			instructorId: user.id,
			studentId,
			dueAt,
			now: event.locals.now
		});
		if (!result.ok) return fail(result.status, { extendMessage: result.message });
		return { extended: true };
	},
	clearExtension: async (event) => {
		const { classId, assignmentId } = event.params;
		const { user } = await requireOwnedAssignment(event, classId, assignmentId);
		const parsed = await parseForm(event.request, clearForm);
		if (!parsed.ok) return fail(400, { extendMessage: parsed.errors.userId ?? CHOOSE_STUDENT });
		const studentId = parsed.data.userId;
		const result = await clearExtension(appDb(), { assignmentId, instructorId: user.id, studentId });
		if (!result.ok) return fail(result.status, { extendMessage: result.message });
		return { cleared: true };
	}
};
