import { requireOwnedClass } from '$lib/server/classes/route-guards';
import { appContent } from '$lib/server/content/app-content';
import { appDb } from '$lib/server/db';
import { classDashboard, parseGridQuery, type GridQuery } from '$lib/server/progress/class-analytics';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, klass } = await requireOwnedClass(event, event.params.classId);
	const content = appContent();
	const query = parseGridQuery(event.url.searchParams);
	const dashboard = await classDashboard({
		db: appDb(),
		content,
		classId: klass.id,
		instructorId: user.id,
		now: event.locals.now,
		query
	});
	const base = `/classes/${klass.id}/progress`;
	const link = (changes: Partial<Record<keyof GridQuery, string>>) => {
		const params = new URLSearchParams();
		const merged = {
			sort: query.sort,
			dir: query.dir,
			status: query.status ?? '',
			in: query.in ?? '',
			stuck: query.stuckOnly ? '1' : '',
			q: query.q,
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
	return {
		klass: { id: klass.id, name: klass.name },
		query,
		total: dashboard.total,
		nameSort: { href: sortLink('name'), sort: sortState('name') },
		columns: dashboard.assignments.map((a) => ({
			...a,
			sortHref: sortLink(`a:${a.id}`),
			sort: sortState(`a:${a.id}`)
		})),
		students: dashboard.students.map((s) => ({ ...s, href: studentHref(s.userId) })),
		stuck: dashboard.stuck.map((s) => ({
			userId: s.userId,
			displayName: s.displayName,
			stuck: s.stuck,
			href: studentHref(s.userId)
		})),
		objectives: dashboard.objectives,
		quizzes: content.modules.flatMap((m) =>
			m.quizzes.map((q) => ({ title: q.title, href: `${base}/quizzes/${m.id}/${q.id}` }))
		),
		exports: {
			grid: `${base}/grid.csv`,
			responses: `${base}/responses.csv`
		},
		stuckSortHref: sortLink('stuck')
	};
};
