import { normaliseTarget } from './exchange-resolution';
import { parseSpfTerm, SPF_LOOKUP_TERMS, spfTerms } from './mail-policy';
import { ZoneIndex } from './zone-index';

/**
 * The SPF include graph of a zone: which in-zone names each SPF record hands evaluation
 * to (`include:` and `redirect=`; with macros only when `%{d}`, the name being evaluated, is
 * all they hold), and the lookups each record costs itself.
 * Every walk over it is iterative, so a chain of thousands of includes cannot overflow the
 * stack, and visits each name once, so it is linear in the zone.
 */
export interface SpfGraph {
  /** SPF terms of `text` that cost a DNS lookup (RFC 7208 §4.6.4), not counting what includes add. */
  ownLookups(text: string): number;
  /** In-zone names `text`, evaluated at `name`, includes or redirects to, in order, as often as it names them. */
  targets(text: string, name: string): readonly string[];
  /** The SPF text evaluation finds at `name` (its first SPF record), if the zone has one. */
  spfAt(name: string): string | undefined;
}

/**
 * An include:/redirect= argument whose only macros are `%{d}` (or `%{D}`): the domain being
 * evaluated (RFC 7208 §7.2, §7.3), so `include:%{d}` includes the name itself. Other macros
 * depend on the message (sender, IP) and are not followed.
 */
const DOMAIN_MACROS_ONLY = /^(?:[^%]|%\{d\})*%\{d\}(?:[^%]|%\{d\})*$/i;

/** The zone's include graph, built once per zone. */
export function spfGraph(index: ZoneIndex): SpfGraph {
  return index.memo('spf-graph', '', () => {
    // `targets`: in-zone names, or arguments with `%{d}` (expanded per name evaluated).
    const parsed = new Map<string, { own: number; targets: string[]; macros: boolean }>();
    const read = (text: string) => {
      let entry = parsed.get(text);
      if (!entry) {
        entry = { own: 0, targets: [], macros: false };
        for (const raw of spfTerms(text)) {
          const term = parseSpfTerm(raw);
          if (!term || !SPF_LOOKUP_TERMS.has(term.name) || (term.kind === 'modifier' && term.name !== 'redirect')) continue;
          entry.own += 1;
          if ((term.name === 'include' || term.name === 'redirect') && term.argument) {
            // Every occurrence: a receiver evaluates (and counts) an include each time it reaches it.
            if (DOMAIN_MACROS_ONLY.test(term.argument)) {
              entry.targets.push(term.argument);
              entry.macros = true;
            } else if (!term.argument.includes('%')) {
              const target = normaliseTarget(term.argument);
              if (index.contains(target)) entry.targets.push(target);
            }
          }
        }
        parsed.set(text, entry);
      }
      return entry;
    };
    return {
      ownLookups: (text) => read(text).own,
      targets: (text, name) => {
        const { targets, macros } = read(text);
        if (!macros) return targets;
        return targets.map((t) => (t.includes('%') ? normaliseTarget(t.replace(/%\{d\}/gi, name)) : t)).filter((t) => index.contains(t));
      },
      spfAt: (name) => {
        const spf = index.at(name)?.spf[0];
        return spf === undefined ? undefined : String(spf.value);
      },
    };
  });
}

/**
 * Lookups an evaluation of `text` at `name` needs, counting in-zone includes and redirects
 * through (each name once per chain, so a loop counts once: spf-include-loop reports it).
 * `memo` keeps the totals of names already walked, shared across calls in one zone.
 */
export function spfLookupCount(graph: SpfGraph, name: string, text: string, memo: Map<string, number>): number {
  // Iterative depth-first walk: a frame per name on the current chain, its total so far.
  interface Frame { readonly name: string; readonly targets: readonly string[]; next: number; total: number }
  const onChain = new Set<string>([name]);
  const stack: Frame[] = [{ name, targets: graph.targets(text, name), next: 0, total: graph.ownLookups(text) }];
  for (;;) {
    const frame = stack[stack.length - 1];
    if (frame.next < frame.targets.length) {
      const target = frame.targets[frame.next++];
      if (onChain.has(target)) continue;
      const known = memo.get(target);
      if (known !== undefined) {
        frame.total += known;
        continue;
      }
      const spf = graph.spfAt(target);
      if (spf === undefined) {
        memo.set(target, 0);
        continue;
      }
      onChain.add(target);
      stack.push({ name: target, targets: graph.targets(spf, target), next: 0, total: graph.ownLookups(spf) });
      continue;
    }
    stack.pop();
    onChain.delete(frame.name);
    if (stack.length === 0) return frame.total;
    memo.set(frame.name, frame.total);
    stack[stack.length - 1].total += frame.total;
  }
}

/**
 * The include loops of a zone: each set of SPF names that can reach one another
 * (strongly connected, or a name that includes itself), with one loop through them
 * in evaluation order, starting and ending at the first name of the set in name order.
 * Iterative Tarjan: linear in names and includes.
 */
export function spfIncludeLoops(index: ZoneIndex): Array<{ readonly names: readonly string[]; readonly loop: readonly string[] }> {
  const graph = spfGraph(index);
  const next = (name: string): readonly string[] => {
    const spf = graph.spfAt(name);
    return spf === undefined ? [] : graph.targets(spf, name);
  };
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const component: string[] = [];
  const inComponent = new Set<string>();
  const loops: Array<{ names: string[]; loop: string[] }> = [];
  let counter = 0;
  for (const entry of index.names()) {
    if (entry.spf.length === 0 || order.has(entry.name)) continue;
    const stack: Array<{ name: string; targets: readonly string[]; next: number }> = [];
    const open = (name: string) => {
      order.set(name, counter);
      low.set(name, counter++);
      component.push(name);
      inComponent.add(name);
      stack.push({ name, targets: next(name), next: 0 });
    };
    open(entry.name);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.next < frame.targets.length) {
        const target = frame.targets[frame.next++];
        if (!order.has(target)) open(target);
        else if (inComponent.has(target)) low.set(frame.name, Math.min(low.get(frame.name)!, order.get(target)!));
        continue;
      }
      stack.pop();
      if (stack.length > 0) {
        const parentFrame = stack[stack.length - 1];
        low.set(parentFrame.name, Math.min(low.get(parentFrame.name)!, low.get(frame.name)!));
      }
      if (low.get(frame.name) !== order.get(frame.name)) continue;
      const names: string[] = [];
      let member: string;
      do {
        member = component.pop()!;
        inComponent.delete(member);
        names.push(member);
      } while (member !== frame.name);
      if (names.length > 1 || next(frame.name).includes(frame.name)) {
        names.sort();
        loops.push({ names, loop: loopThrough(names[0], new Set(names), next) });
      }
    }
  }
  return loops;
}

/** The shortest path from `start` back to itself inside `members` (breadth first). */
function loopThrough(start: string, members: ReadonlySet<string>, next: (name: string) => readonly string[]): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const target of next(queue[i])) {
      if (!members.has(target)) continue;
      if (target === start) {
        const back: string[] = [];
        for (let at = queue[i]; at !== start; at = cameFrom.get(at)!) back.push(at);
        return [start, ...back.reverse(), start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, queue[i]);
        queue.push(target);
      }
    }
  }
  return [start, start];
}
