import { catalogModules } from '$lib/server/catalog/catalog';
import { appContent } from '$lib/server/content/app-content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ modules: catalogModules(appContent()) });
