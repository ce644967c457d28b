import type { Doc, Span } from '../doc/doc.js';
import type { Stage } from '../pipeline/stage.js';
import { loadList, loadTable } from '../util/knowledge.js';

/**
 * First-cut names: runs of capitalised tokens, split into a title and a name where a title
 * word stands in the run. Issue #4 replaces this with actor and place resolution.
 */

let stop: Set<string> | null = null;
let titles: Set<string> | null = null;
let demonyms: Set<string> | null = null;
const POSSESSIVE = /['’]s?$/u;
const CAPITALISED = /^\p{Lu}/u;

function lists() {
  stop ??= new Set(loadList('name-stopwords.txt'));
  titles ??= new Set(loadList('titles.txt'));
  demonyms ??= new Set(loadTable('demonyms.tsv').rows.map((r) => r.demonym!));
  return { stop, titles, demonyms };
}

/** Only nationality adjectives, possibly hyphenated: "Russian-North Korean". */
function onlyDemonyms(text: string, demonyms: Set<string>): boolean {
  return text.split(/-/).every((part) => demonyms.has(part.replace(POSSESSIVE, '')));
}

/**
 * `lowerCase` holds the words the document also writes in lower case: a lone capitalised word
 * opening a sentence ("Envoys arrived.") is not a name when the text uses it as a common word.
 */
export function findNames(doc: Doc, sentence: Span, lowerCase: Set<string>): Span[] {
  const { stop, titles, demonyms } = lists();
  const tokens = doc.within('token', sentence.start, sentence.end);
  const out: Span[] = [];
  let run: Span[] = [];
  const flush = () => {
    // Drop leading stopwords ("The", "In", months) and split off the title.
    while (run.length && stop.has(doc.slice(run[0]!).replace(POSSESSIVE, ''))) run.shift();
    let lastTitle = -1;
    run.forEach((t, i) => {
      if (titles.has(doc.slice(t))) lastTitle = i;
    });
    const nameTokens = run.slice(lastTitle + 1);
    const nameText = nameTokens.length ? doc.text.slice(nameTokens[0]!.start, nameTokens[nameTokens.length - 1]!.end) : '';
    const loneOpener = nameTokens.length === 1 && nameTokens[0]!.start === sentence.start && lowerCase.has(nameText.replace(POSSESSIVE, '').toLowerCase());
    if (nameTokens.length && !loneOpener && !onlyDemonyms(nameText, demonyms)) {
      const first = nameTokens[0]!;
      const last = nameTokens[nameTokens.length - 1]!;
      let end = last.end;
      const lastText = doc.slice(last);
      const poss = POSSESSIVE.exec(lastText);
      if (poss && lastText.length > poss[0].length + 1) end -= poss[0].length;
      const title = lastTitle >= 0 ? doc.text.slice(run[0]!.start, run[lastTitle]!.end) : null;
      out.push({ start: first.start, end, label: 'NAME', by: title ? 'names/title-run' : 'names/capitalised-run', confidence: title ? 0.8 : 0.6, attrs: title ? { title } : {} });
    }
    run = [];
  };
  for (const t of tokens) {
    const word = doc.slice(t);
    const prev = run[run.length - 1];
    const adjacent = !prev || /^[ \t-]?$/.test(doc.text.slice(prev.end, t.start));
    if (CAPITALISED.test(word) && adjacent) {
      run.push(t);
      // A possessive ends the run: "Kim’s father".
      if (POSSESSIVE.test(word) && /['’]/.test(word)) flush();
    } else {
      flush();
      if (CAPITALISED.test(word)) run.push(t);
    }
  }
  flush();
  return out;
}

export const namesStage: Stage = {
  name: 'names',
  requires: ['sentence', 'token'],
  produces: ['name'],
  description: 'capitalised names, with a title split off where one stands before the name (first cut)',
  run(doc: Doc) {
    const lowerCase = new Set<string>();
    for (const t of doc.layer('token')) {
      const w = doc.slice(t);
      if (/^\p{Ll}/u.test(w)) lowerCase.add(w.replace(POSSESSIVE, ''));
    }
    const spans: Span[] = [];
    for (const s of doc.layer('sentence')) spans.push(...findNames(doc, s, lowerCase));
    return { name: spans };
  },
};
