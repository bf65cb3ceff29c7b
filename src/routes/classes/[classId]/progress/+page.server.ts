import { assignmentsOfClass } from '$lib/server/classes/assignments';
import { requireOwnedClass } from '$lib/server/classes/route-guards';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { assignmentLabels, classDashboard, parseGridQuery } from '$lib/server/progress/class-analytics';
import { assignedQuizzes, groupByModule } from '$lib/server/progress/class-modules';
import { classRegradeRuns, regradeClass } from '$lib/server/progress/class-regrade';
import { workLinks } from '$lib/server/progress/student-work';
import { paginate } from '$lib/pagination';
import type { Actions, PageServerLoad } from './$types';

const STUCK_LISTED = 10;
/** The grid's query parameters (what parseGridQuery reads). */
type GridParam = 'sort' | 'dir' | 'status' | 'in' | 'stuck' | 'q' | 'page';

export const load: PageServerLoad = async (event) => {
	const { user, klass } = await requireOwnedClass(event, event.params.classId);
	const content = appContent();
	const query = parseGridQuery(event.url.searchParams);
	const db = appDb();
	const dashboard = await classDashboard({
		db,
		content,
		classId: klass.id,
		instructorId: user.id,
		now: event.locals.now,
		query
	});
	const base = `/classes/${klass.id}/progress`;
	const link = (changes: Partial<Record<GridParam, string>>) => {
		const params = new URLSearchParams();
		const merged = {
			sort: query.sort,
			dir: query.dir,
			status: query.status ?? '',
			in: query.in ?? '',
			stuck: query.stuckOnly ? '1' : '',
			q: query.q,
			// A new sort or filter starts again at page 1; only the pager's links carry a page.
			page: '',
			...changes
		};
		for (const [k, v] of Object.entries(merged)) if (v) params.set(k, v);
		return `${base}?${params}`;
	};
	const sortState = (key: string) =>
		query.sort === key
			? query.dir === 'asc'
				? ('ascending' as const)
				: ('descending' as const)
			: ('none' as const);
	const sortLink = (key: string) =>
		link({ sort: key, dir: query.sort === key && query.dir === 'asc' ? 'desc' : 'asc' });
	const studentHref = (userId: string) => `${base}/students/${userId}`;
	const shown = paginate(dashboard.students, query.page);
	// Each cell links to the work behind it (the attempt, the lesson runs), for the rows on this page.
	const workHref = await workLinks(db, {
		classId: klass.id,
		assignments: await assignmentsOfClass(db, { classId: klass.id, instructorId: user.id })
	});
	const labels = assignmentLabels(dashboard.assignments);
	return {
		klass: { id: klass.id, name: klass.name },
		query,
		total: dashboard.total,
		nameSort: { href: sortLink('name'), sort: sortState('name') },
		columns: dashboard.assignments.map((a) => ({
			...a,
			label: labels.get(a.id) ?? a.title,
			sortHref: sortLink(`a:${a.id}`),
			sort: sortState(`a:${a.id}`)
		})),
		students: shown.items.map((s) => ({
			...s,
			href: studentHref(s.userId),
			cells: s.cells.map((c) => ({ ...c, href: workHref(c.assignmentId, s.userId) }))
		})),
		paging: {
			page: shown.page,
			pages: shown.pages,
			first: shown.first,
			last: shown.last,
			matching: shown.total,
			links: Array.from({ length: shown.pages }, (_, i) => ({
				page: i + 1,
				href: link({ page: String(i + 1) })
			}))
		},
		// The first few by name; the rest are a filter away (a large course can have hundreds flagged).
		stuckCount: dashboard.stuck.length,
		stuckOnlyHref: link({ stuck: '1' }),
		stuck: dashboard.stuck.slice(0, STUCK_LISTED).map((s) => ({
			userId: s.userId,
			displayName: s.displayName,
			stuck: s.stuck,
			href: studentHref(s.userId)
		})),
		objectives: groupByModule(content, dashboard.objectives),
		// Item analysis of the quizzes this class was assigned, by module in catalog order.
		quizzes: groupByModule(
			content,
			assignedQuizzes(content, dashboard.assignments).map((q) => ({
				moduleId: q.moduleId,
				title: q.title,
				href: `${base}/quizzes/${q.moduleId}/${q.id}`
			}))
		),
		exports: {
			grid: `${base}/grid.csv`,
			responses: `${base}/responses.csv`
		},
		stuckSortHref: sortLink('stuck'),
		regrades: await classRegradeRuns(db, klass.id)
	};
};

export const actions: Actions = {
	/** Regrades the class's graded attempts under the current content (issue 11); the run is recorded. */
	regrade: async (event) => {
		const { user, klass } = await requireOwnedClass(event, event.params.classId);
		const run = await regradeClass(appDb(), {
			content: appContent(),
			classId: klass.id,
			instructor: user,
			now: event.locals.now
		});
		return { regraded: run };
	}
};
