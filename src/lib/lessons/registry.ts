/**
 * Every lesson the app knows, by id. module.yaml lists lessons by these ids; the content check refuses an
 * id that is not registered here.
 */
export const lessonIds: readonly string[] = [];
