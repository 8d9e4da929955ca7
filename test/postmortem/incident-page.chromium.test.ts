import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPageToken } from '../../src/core/postmortem/page-token.ts';
import { type Chromium, evaluate, launchChromium, navigate, openTab } from '../support/chromium.ts';
import { type DrivenIncident, driveIncidentThroughServe, PAGE_KEY } from './support/incident-through-serve.ts';

const SHOTS = new URL('../../.cache/screenshots/', import.meta.url).pathname;

let incident: DrivenIncident;
let chromium: Chromium;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [incident, chromium] = await Promise.all([
    driveIncidentThroughServe({ CAUSEWAY_POSTMORTEM_TRUSTED_USER_HEADER: 'X-Forwarded-User' }),
    launchChromium(),
  ]);
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await incident?.close();
});

/** A full-page PNG of the tab, saved under .cache/screenshots/ (the path printed). */
async function screenshot(session: string, name: string): Promise<string> {
  const { cssContentSize } = await chromium.cdp.send<{ cssContentSize: { width: number; height: number } }>(
    'Page.getLayoutMetrics',
    {},
    session,
  );
  const { data } = await chromium.cdp.send<{ data: string }>(
    'Page.captureScreenshot',
    {
      format: 'png',
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width: cssContentSize.width, height: Math.min(cssContentSize.height, 12_000), scale: 1 },
    },
    session,
  );
  const path = join(SHOTS, name);
  writeFileSync(path, Buffer.from(data, 'base64'));
  console.log(`screenshot: ${path}`);
  return path;
}

const pageUrl = (sig: string) =>
  `${incident.serve.url}/incidents/${incident.incidentId}?sig=${encodeURIComponent(sig)}`;

describe('the incident page in a real headless Chromium (DevTools protocol)', () => {
  it('renders on a phone: the sections, the chart loaded, no sideways scrolling; every link resolves', async () => {
    const tab = await openTab(chromium.cdp);
    await chromium.cdp.send(
      'Emulation.setDeviceMetricsOverride',
      { width: 390, height: 844, deviceScaleFactor: 2, mobile: true },
      tab,
    );
    const status = await navigate(
      chromium.cdp,
      tab,
      pageUrl(signPageToken(PAGE_KEY, incident.incidentId, Date.now() + 600_000)),
    );
    expect(status).toBe(200);
    const page = await evaluate<{
      h1: string;
      sections: string[];
      chart: { complete: boolean; width: number } | null;
      overflow: number;
    }>(
      chromium.cdp,
      tab,
      `(() => {
        const img = document.querySelector('img.chart');
        return {
          h1: document.querySelector('h1')?.textContent ?? '',
          sections: [...document.querySelectorAll('section')].map((s) => s.id),
          chart: img ? { complete: img.complete, width: img.naturalWidth } : null,
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      })()`,
    );
    expect(page.h1).toBe('HighErrorLogRate');
    for (const s of ['summary', 'impact', 'root-cause', 'timeline', 'chart', 'hypotheses', 'runs', 'audit'])
      expect(page.sections).toContain(s);
    expect(page.chart).toEqual({ complete: true, width: expect.any(Number) });
    expect(page.chart?.width).toBeGreaterThan(300);
    expect(page.overflow).toBeLessThanOrEqual(0);
    // Fragments must name an element of the page; other links are resolved by the browser and
    // fetched (the page's CSP lets it fetch nothing itself).
    const found = await evaluate<{ href: string; url: string; fragmentOk: boolean }[]>(
      chromium.cdp,
      tab,
      `[...document.querySelectorAll('a[href], img[src]')].map((el) => {
        const raw = el.getAttribute('href') ?? el.getAttribute('src');
        return {
          href: raw,
          url: new URL(raw, location.href).href,
          fragmentOk: raw.startsWith('#') ? document.getElementById(decodeURIComponent(raw.slice(1))) !== null : true,
        };
      })`,
    );
    const links = await Promise.all(
      found.map(async (l) => {
        if (l.href.startsWith('#')) return { href: l.href, ok: l.fragmentOk, status: 0 };
        if (!l.url.startsWith(incident.serve.url)) return { href: l.href, ok: true, status: -1 };
        const r = await fetch(l.url);
        return { href: l.href, ok: r.status === 200, status: r.status };
      }),
    );
    expect(links.filter((l) => l.href.startsWith('#audit-')).length).toBeGreaterThan(3);
    expect(links.filter((l) => l.href.startsWith('#ev-')).length).toBeGreaterThan(0);
    expect(links.filter((l) => l.status === 200).map((l) => l.href.split('?')[0])).toEqual(
      expect.arrayContaining([
        `/incidents/${incident.incidentId}/report.md`,
        `/incidents/${incident.incidentId}/report.html`,
        `/incidents/${incident.incidentId}/chart.png`,
      ]),
    );
    expect(links.filter((l) => !l.ok)).toEqual([]);
    await screenshot(tab, 'incident-page-phone.png');
  });

  it('renders on a desktop screen', async () => {
    const tab = await openTab(chromium.cdp);
    await chromium.cdp.send(
      'Emulation.setDeviceMetricsOverride',
      { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false },
      tab,
    );
    expect(
      await navigate(chromium.cdp, tab, pageUrl(signPageToken(PAGE_KEY, incident.incidentId, Date.now() + 600_000))),
    ).toBe(200);
    expect(await evaluate<boolean>(chromium.cdp, tab, "document.querySelector('img.chart').naturalWidth > 0")).toBe(
      true,
    );
    await screenshot(tab, 'incident-page-desktop.png');
  });

  it('an expired or forged link gets 403 and shows nothing of the incident', async () => {
    const tab = await openTab(chromium.cdp);
    const expired = signPageToken(PAGE_KEY, incident.incidentId, Date.now() - 1000);
    const forged = signPageToken('not-the-page-key-0123456789abcdefghij', incident.incidentId, Date.now() + 600_000);
    for (const [name, sig] of [
      ['expired', expired],
      ['forged', forged],
    ] as const) {
      expect(await navigate(chromium.cdp, tab, pageUrl(sig)), name).toBe(403);
      const body = await evaluate<string>(chromium.cdp, tab, 'document.body.innerText');
      expect(body).toMatch(/not valid or has expired/);
      expect(body).not.toMatch(/quoterservice|HighErrorLogRate/);
      if (name === 'expired') await screenshot(tab, 'incident-page-403.png');
    }
    // The chart needs the link too.
    expect(
      await navigate(
        chromium.cdp,
        tab,
        `${incident.serve.url}/incidents/${incident.incidentId}/chart.png?sig=${encodeURIComponent(forged)}`,
      ),
    ).toBe(403);
  });

  it("with the trusted proxy's user header enabled, the header alone opens the page", async () => {
    const tab = await openTab(chromium.cdp);
    await chromium.cdp.send('Network.enable', {}, tab);
    await chromium.cdp.send(
      'Network.setExtraHTTPHeaders',
      { headers: { 'X-Forwarded-User': 'alice@example.com' } },
      tab,
    );
    const url = `${incident.serve.url}/incidents/${incident.incidentId}`;
    expect(await navigate(chromium.cdp, tab, url)).toBe(200);
    expect(await evaluate<boolean>(chromium.cdp, tab, "document.querySelector('img.chart').naturalWidth > 0")).toBe(
      true,
    );
  });
});
