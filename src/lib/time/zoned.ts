/**
 * Wall-clock times in a named time zone ↔ instants. Instructors type dates into
 * `<input type="datetime-local">` (no zone); the form also sends their browser's IANA zone, and the server
 * turns the pair into a UTC instant here. Pure, no dependencies: Intl knows the zone rules.
 */

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function isTimeZone(tz: string): boolean {
	if (!tz || tz.length > 64) return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: tz });
		return true;
	} catch {
		return false;
	}
}

function wallClockParts(instant: number, timeZone: string) {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(new Date(instant));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return {
		y: get('year'),
		mo: get('month'),
		d: get('day'),
		h: get('hour'),
		mi: get('minute'),
		s: get('second')
	};
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
	const p = wallClockParts(instant, timeZone);
	const asUtc = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
	return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * `2026-03-10T17:00` in `Europe/Paris` → the instant. Null for malformed input, an unknown zone or a
 * calendar date that does not exist (2026-02-30). A wall-clock time skipped by a DST change resolves to
 * the instant after the gap; one that happens twice resolves to the earlier.
 */
export function zonedToUtc(local: string, timeZone: string): Date | null {
	const m = LOCAL_PATTERN.exec(local.trim());
	if (!m || !isTimeZone(timeZone)) return null;
	const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [
		number,
		number,
		number,
		number,
		number,
		number
	];
	const guess = Date.UTC(y, mo - 1, d, h, mi, s);
	const check = new Date(guess);
	if (
		check.getUTCFullYear() !== y ||
		check.getUTCMonth() !== mo - 1 ||
		check.getUTCDate() !== d ||
		h > 23 ||
		mi > 59
	)
		return null;
	const first = guess - offsetAt(guess, timeZone);
	const second = guess - offsetAt(first, timeZone);
	// Two candidates differ only around a DST change; prefer the earlier that maps back to the wall time.
	const candidates = [Math.min(first, second), Math.max(first, second)];
	for (const c of candidates) {
		const p = wallClockParts(c, timeZone);
		if (p.y === y && p.mo === mo && p.d === d && p.h === h && p.mi === mi) return new Date(c);
	}
	return new Date(Math.max(first, second));
}

/** The instant as `YYYY-MM-DDTHH:mm` in the zone, for a datetime-local input's value. */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
	const p = wallClockParts(instant.getTime(), isTimeZone(timeZone) ? timeZone : 'UTC');
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${p.y}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}`;
}
