// Workshops and shared devices: guest sessions, profiles, presenter mode, QR.
import { expect, test } from './fixtures.mjs';
import jsQR from 'jsqr';
import { expectNoAxeViolations, openApp } from './helpers.mjs';
import { assessmentRecord, seed } from './seed.mjs';

const appKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('mapscc')));

async function startQuickCheck(page, role) {
  await openApp(page, '/check');
  await page.getByLabel(role).check();
  await page.getByLabel('Newly qualified', { exact: true }).check();
  await page.getByLabel('Quick check').check();
  await page.getByRole('button', { name: 'Start the check' }).click();
  await page.getByLabel('With direct supervision').check();
}

test('a guest session leaves nothing in localStorage once closed', async ({ context }) => {
  const page = await context.newPage();
  await openApp(page, '/workshop');
  await page.getByRole('button', { name: 'Start a guest session' }).click();
  await expect(page.getByText('You are in a guest session.')).toBeVisible();
  await expectNoAxeViolations(page);
  await startQuickCheck(page, 'Physician associate (PA)');
  await expect(page.getByText('Guest session: what you enter is kept in this tab')).toBeVisible();
  expect(await page.evaluate(() => Object.keys(sessionStorage).some((key) => key.startsWith('mapscc/assessment/')))).toBe(true);
  expect(await appKeys(page)).toEqual([]);
  await page.close();

  const next = await context.newPage();
  await openApp(next, '/check');
  expect(await appKeys(next)).toEqual([]);
  await expect(next.getByRole('heading', { name: 'My assessments' })).toHaveCount(0);
});

test('switching profile shows only that profile\'s assessments', async ({ page }) => {
  const profiles = JSON.stringify({
    app: 'maps-capability-checker', kind: 'profiles', version: 1,
    data: { profiles: [{ id: 'me', name: 'Me', created_at: 0 }, { id: 'p-sam', name: 'Sam', created_at: 1 }], active: 'me' },
  });
  const mine = JSON.parse(assessmentRecord({ id: 'mine', role: 'pa', ratings: {} }));
  const sams = JSON.parse(assessmentRecord({ id: 'sams', role: 'accp', ratings: {} }));
  sams.data.profile = 'p-sam';
  await seed(page, {
    'mapscc/profiles': profiles,
    'mapscc/assessment/mine': JSON.stringify(mine),
    'mapscc/assessment/sams': JSON.stringify(sams),
  });
  await openApp(page, '/check');
  await expect(page.getByRole('heading', { name: /^Physician associate/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Advanced critical care practitioner/ })).toHaveCount(0);
  await openApp(page, '/my-data');
  await page.getByRole('button', { name: 'Switch to Sam' }).click();
  await expectNoAxeViolations(page);
  await openApp(page, '/check');
  await expect(page.getByRole('heading', { name: /^Advanced critical care practitioner/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Physician associate/ })).toHaveCount(0);
});

test('each sample person\u2019s button is announced by the words it shows (WCAG 2.5.3, label in name)', async ({ page }) => {
  await openApp(page, '/workshop');
  const buttons = page.locator('.app-persona button');
  expect(await buttons.count()).toBeGreaterThan(0);
  for (const button of await buttons.all()) {
    const shown = (await button.innerText()).trim();
    await expect(button).toHaveAccessibleName(shown);
  }
});

test('presenter reset returns to a clean start in one step', async ({ page }) => {
  await openApp(page, '/workshop');
  await page.getByRole('button', { name: 'Start presenter mode' }).click();
  await expect(page.locator('html')).toHaveClass(/app-presenter/);
  await page.getByRole('button', { name: /Load Tom, intensive care nurse/ }).click();
  await expect(page).toHaveURL(/\/results\//);
  await expect(page.getByRole('heading', { name: /^Gaps \(\d+\)/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await openApp(page, '/workshop');
  await page.getByRole('button', { name: 'Reset for the next person' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Explore the Medical Associate Professions and check your capabilities');
  await openApp(page, '/results');
  await expect(page.getByText('You have no assessments on this device yet.')).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/app-presenter/);
  expect(await appKeys(page)).toEqual([]);
});

/** Rebuilds the QR code's pixels from the SVG path the app drew. */
async function decodeQr(page) {
  const svg = page.locator('svg.app-qr');
  const [viewBox, path] = await Promise.all([svg.getAttribute('viewBox'), svg.locator('path').getAttribute('d')]);
  const modules = Number(viewBox.split(' ')[2]);
  const scale = 6;
  const side = modules * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, x, y] of path.matchAll(/M(\d+),(\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy += 1) {
      for (let dx = 0; dx < scale; dx += 1) {
        const at = ((Number(y) * scale + dy) * side + Number(x) * scale + dx) * 4;
        pixels[at] = 0; pixels[at + 1] = 0; pixels[at + 2] = 0;
      }
    }
  }
  return jsQR(pixels, side, side)?.data;
}

test('the QR code decodes to the configured address', async ({ page }) => {
  await openApp(page, '/workshop');
  expect(await decodeQr(page)).toBe('http://127.0.0.1:' + new URL(page.url()).port + '/');
  await page.getByLabel('Address to share').fill('https://careers.example.org/maps/');
  await page.getByLabel('Address to share').press('Tab');
  await expect(page.locator('.app-qr__address')).toHaveText('https://careers.example.org/maps/');
  expect(await decodeQr(page)).toBe('https://careers.example.org/maps/');
  await page.getByLabel('Address to share').fill('not an address');
  await page.getByLabel('Address to share').press('Tab');
  await expect(page.locator('#qr-address-error')).toBeVisible();
  await expectNoAxeViolations(page);
});
