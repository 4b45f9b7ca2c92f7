// Builds stored records the way the app writes them, for seeding tests.
import { readFileSync } from 'node:fs';

export const framework = JSON.parse(readFileSync(new URL('../../src/content/framework.json', import.meta.url), 'utf8'));

const domainOrder = framework.domains.map((domain) => domain.id);

/** The quick-check capabilities for a role, in the app's order (by domain). */
export function quickCheck(role) {
  return domainOrder.flatMap((domain) =>
    framework.capabilities.filter((c) => c.domain === domain && framework.quick_checks[role].includes(c.id)));
}

/**
 * A finished assessment record (format version 5, the current one) with
 * the given ratings: each a level (1 to 4) or 'n/a'. Since version 3 an
 * answer is stored as [rating, updated_at] or [rating, updated_at, note].
 */
export function assessmentRecord({ id, role, stage = 'newly-qualified', scope = 'quick', ratings, createdAt = 1763700000000 }) {
  const answers = {};
  for (const [capability, rating] of Object.entries(ratings)) {
    answers[capability] = [rating, createdAt + 1000];
  }
  return JSON.stringify({
    app: 'maps-capability-checker', kind: 'assessment', version: 5,
    data: {
      id, profile: 'me', role, stage, scope, content_version: framework.version,
      created_at: createdAt, updated_at: createdAt + 2000, finished_at: createdAt + 2000,
      current: null, answers, plan: [], print_notes: false,
    },
  });
}

/** Puts records into localStorage before the app starts. */
export async function seed(page, records) {
  await page.addInitScript((entries) => {
    if (sessionStorage.getItem('seeded')) return;
    for (const [key, value] of entries) localStorage.setItem(key, value);
    sessionStorage.setItem('seeded', '1');
  }, Object.entries(records));
}
