import { STATUSES, STATUS_NAMES, statusClasses } from '../status';

export function StatusPill({ status }: { status: string }) {
  return (
    <span className={`pill ${statusClasses(status)}`} title={STATUSES[status]?.meaning ?? status}>
      {status}
    </span>
  );
}

/** The status key: colour, line style and meaning of each status. */
export function Legend({ only }: { only?: string[] }) {
  const names = only ? STATUS_NAMES.filter((s) => only.includes(s)) : STATUS_NAMES;
  return (
    <ul className="legend" aria-label="Status legend">
      {names.map((s) => (
        <li key={s} title={STATUSES[s]!.meaning}>
          <span className={`swatch ${statusClasses(s)}`} aria-hidden="true" />
          <span className={STATUSES[s]!.struck ? 'legend-name struck' : 'legend-name'}>{s}</span>
        </li>
      ))}
    </ul>
  );
}
