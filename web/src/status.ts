// One status palette for every view (timeline, map, network, pills, legend). Colour says which
// status; the line style says how firm it is: planned and expected dashed, proposed dotted,
// rumoured / hypothetical / uncertain faint, cancelled / negated / denied struck through.

export interface StatusStyle {
  colour: string;
  line: 'solid' | 'dashed' | 'dotted';
  faint: boolean;
  struck: boolean;
  meaning: string;
}

export const STATUSES: Record<string, StatusStyle> = {
  occurred: { colour: '#2f7d5b', line: 'solid', faint: false, struck: false, meaning: 'took place' },
  ongoing: { colour: '#1c6fb8', line: 'solid', faint: false, struck: false, meaning: 'under way at the report date' },
  planned: { colour: '#4257c9', line: 'dashed', faint: false, struck: false, meaning: 'officially scheduled or announced' },
  expected: { colour: '#3b93c9', line: 'dashed', faint: false, struck: false, meaning: 'reported as likely, not official' },
  proposed: { colour: '#8a5cc2', line: 'dotted', faint: false, struck: false, meaning: 'invited, offered, not yet accepted' },
  rumored: { colour: '#c98a1c', line: 'solid', faint: true, struck: false, meaning: 'speculation, unnamed sources' },
  postponed: { colour: '#d9691e', line: 'dashed', faint: false, struck: false, meaning: 'moved to a later date' },
  cancelled: { colour: '#c0392b', line: 'solid', faint: false, struck: true, meaning: 'was planned, then called off' },
  denied: { colour: '#a3305c', line: 'solid', faint: false, struck: true, meaning: 'a party denies it' },
  negated: { colour: '#7b8490', line: 'solid', faint: false, struck: true, meaning: 'the article says it did not happen' },
  hypothetical: { colour: '#8d96a3', line: 'dotted', faint: true, struck: false, meaning: 'conditional or counterfactual' },
  uncertain: { colour: '#6c7785', line: 'solid', faint: true, struck: false, meaning: 'unclear whether it happened' },
};

export const STATUS_NAMES = Object.keys(STATUSES);

export const statusColour = (s: string) => STATUSES[s]?.colour ?? '#6c7785';

/** Exposes the palette as CSS variables (--st-NAME, --st-NAME-bg) so stylesheets share it. */
export function installPalette(root: HTMLElement = document.documentElement): void {
  for (const [name, st] of Object.entries(STATUSES)) {
    root.style.setProperty(`--st-${name}`, st.colour);
    root.style.setProperty(`--st-${name}-bg`, `${st.colour}1f`);
  }
}

/** Class names carrying a status's colour and line style. */
export function statusClasses(status: string): string {
  const st = STATUSES[status];
  const cls = [`st-${STATUSES[status] ? status : 'unknown'}`];
  if (st && st.line !== 'solid') cls.push(`st-line-${st.line}`);
  if (st?.faint) cls.push('st-faint');
  if (st?.struck) cls.push('st-struck');
  return cls.join(' ');
}
