/**
 * A list of lower-case words and phrases as one regex alternation factored into a trie
 * ("officials|official|office" becomes "offic(?:e|ial(?:s)?)"): V8 tries a plain alternation's
 * branches one by one at every position, a trie only along the text's own letters.
 *
 * Same matches as the plain alternation sorted longest first, as long as no two branches
 * of a node can match the same character: each phrase's space is `\s+`, its apostrophe
 * `['’]`, every other character literal; phrases with a curly quote or other white space
 * are refused (the caller keeps the plain alternation). Then the words that can match at a
 * position are prefixes of one another, and the trie, trying longer continuations first,
 * picks the longest that lets the rest of the pattern match, as the sorted list does.
 */
export function trieAlternation(words: readonly string[]): string | null {
  if (words.some((w) => !w || /[’\s]/.test(w.replace(/ /g, '')) || w !== w.toLowerCase())) return null;
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      let child = n.next.get(ch);
      if (!child) n.next.set(ch, (child = { end: false, next: new Map() }));
      n = child;
    }
    n.end = true;
  }
  const token = (ch: string) => (ch === ' ' ? '\\s+' : ch === "'" ? "['’]" : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const emit = (n: Node): string => {
    const branches = [...n.next].map(([ch, child]) => token(ch) + emit(child));
    if (!branches.length) return '';
    if (branches.length === 1 && !n.end) return branches[0]!;
    // A word may end here: the longer continuations first (greedy `?`).
    return `(?:${branches.join('|')})${n.end ? '?' : ''}`;
  };
  return emit(root);
}
