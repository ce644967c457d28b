import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { kb, type Person } from '../src/kb/kb.js';
import { nameKey } from '../src/kb/normalise.js';
import { SHARED } from './helpers.js';

/**
 * Checks the KB's rulers against REIGN (2021) and Archigos 4.1 (to 2015), read in place from
 * ../shared/data/actors. Both code the effective ruler, so a spell matches a person's head of
 * state / government / party / leader rows in that country: name matched, start and end within
 * 31 days (REIGN gives end months only: within 31 days of that month).
 */
const ACTORS = path.join(SHARED, 'data/actors');
const HAVE = existsSync(path.join(ACTORS, 'reign/leaderlist_3_21.csv')) && existsSync(path.join(ACTORS, 'archigos/archigos_4.1_leaders.csv'));
const CORE = new Set('ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA PRK'.split(' '));
const DAY = 86400e3;
const PARAMOUNT = new Set(['hos', 'hog', 'leader', 'party']);

interface Spell {
  source: string;
  cow: string;
  leader: string;
  start: string;
  /** [earliest, latest] acceptable end before tolerance; null = still in office at release. */
  end: [string, string] | null;
  censoredAt?: string;
}

function csv(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => {
      const cells: string[] = [];
      let cur = '';
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === ',' && !quoted) {
          cells.push(cur);
          cur = '';
        } else cur += ch;
      }
      cells.push(cur);
      return cells;
    });
}

const pad = (n: string | number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function reign(): Spell[] {
  const [head, ...rows] = csv(readFileSync(path.join(ACTORS, 'reign/leaderlist_3_21.csv'), 'latin1'));
  const col = (n: string) => head!.indexOf(n);
  return rows.map((r) => {
    const ey = Number(r[col('eyear')]);
    const em = Number(r[col('emonth')]);
    return {
      source: 'REIGN',
      cow: r[col('ccode')]!,
      leader: r[col('leader')]!,
      start: `${r[col('syear')]}-${pad(r[col('smonth')]!)}-${pad(r[col('sdate')]!)}`,
      end: ey ? [`${ey}-${pad(em)}-01`, `${ey}-${pad(em)}-${lastDay(ey, em)}`] : null,
    };
  });
}

function archigos(): Spell[] {
  const [head, ...rows] = csv(readFileSync(path.join(ACTORS, 'archigos/archigos_4.1_leaders.csv'), 'utf8'));
  const col = (n: string) => head!.indexOf(n);
  return rows.map((r) => {
    const end = r[col('enddate')]!;
    return { source: 'Archigos', cow: r[col('ccode')]!, leader: r[col('leader')]!, start: r[col('startdate')]!, end: end === '2015-12-31' ? null : [end, end], censoredAt: end === '2015-12-31' ? end : undefined };
  });
}

function near(a: string, b: string, days = 31): boolean {
  return Math.abs(Date.parse(a) - Date.parse(b)) <= days * DAY;
}

function editDistanceAtMost1(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function nameMatches(label: string, p: Person): boolean {
  const labelTokens = nameKey(label.replace(/,/g, ' ')).split(' ').filter((t) => t.length >= 3);
  const compact = nameKey(label).replace(/ /g, '');
  const names = [...kb().byName.entries()].filter(([, ps]) => ps.includes(p)).map(([k]) => k);
  const tokens = new Set(names.flatMap((n) => n.split(' ')));
  if (names.some((n) => n.replace(/ /g, '').includes(compact))) return true;
  return labelTokens.some((t) => tokens.has(t) || (t.length >= 5 && [...tokens].some((u) => u.length >= 5 && editDistanceAtMost1(t, u))));
}

function check(spells: Spell[]) {
  const k = kb();
  const ok: string[] = [];
  const mismatches: string[] = [];
  const missing: string[] = [];
  for (const s of spells) {
    const states = k.stateByCow.get(s.cow);
    if (!states) continue;
    const latest = s.end ? s.end[1] : '9999';
    if (latest < '1990-01-01') continue;
    const countries = new Set(states.map((x) => x.iso3));
    const candidates = [...k.persons.values()].filter((p) => p.offices.some((o) => PARAMOUNT.has(o.role) && countries.has(o.country)) && nameMatches(s.leader, p));
    const where = `${s.source} ${states[0]!.iso3} ${s.leader} ${s.start}–${s.end ? s.end[0].slice(0, 7) : 'open'}`;
    if (!candidates.length) {
      missing.push(where);
      continue;
    }
    let best = '';
    for (const p of candidates) {
      const offices = p.offices.filter((o) => PARAMOUNT.has(o.role) && countries.has(o.country));
      const startOk = s.start < '1990-01-01' || offices.some((o) => near(o.start, s.start));
      const endOk = s.end
        ? offices.some((o) => o.end && Date.parse(o.end) >= Date.parse(s.end![0]) - 31 * DAY && Date.parse(o.end) <= Date.parse(s.end![1]) + 31 * DAY)
        : offices.some((o) => !o.end || o.end >= (s.censoredAt ?? '2021-03-01'));
      if (startOk && endOk) {
        best = '';
        break;
      }
      best ||= `${where}: KB ${p.id} ${offices.map((o) => `${o.role} ${o.start}–${o.end}`).join(', ')} (${startOk ? '' : 'start'}${!startOk && !endOk ? '+' : ''}${endOk ? '' : 'end'})`;
    }
    if (best) mismatches.push(best);
    else ok.push(where);
  }
  return { ok, mismatches, missing };
}

test('KB rulers agree with REIGN and Archigos where they overlap', { skip: HAVE ? false : 'needs ../shared/data/actors (REIGN, Archigos)' }, (t) => {
  const isCore = (line: string) => CORE.has(line.split(' ')[1]!);
  for (const [name, spells] of [
    ['REIGN', reign()],
    ['Archigos', archigos()],
  ] as const) {
    const r = check(spells);
    t.diagnostic(`${name}: ${r.ok.length} spells since 1990 agree, ${r.mismatches.length} date mismatches (${r.mismatches.filter(isCore).length} in the G20 + Koreas), ${r.missing.length} rulers not in the KB (${r.missing.filter(isCore).length} in the G20 + Koreas)`);
    for (const m of [...r.mismatches, ...r.missing].filter((x) => !isCore(x))) t.diagnostic(`  outside the core: ${m}`);
    assert.deepEqual(r.mismatches.filter(isCore), [], `${name}: date mismatches`);
    assert.deepEqual(r.missing.filter(isCore), [], `${name}: rulers missing from the KB`);
    assert.ok(r.ok.length > 150, `${name}: ${r.ok.length} spells checked`);
  }
});
