// Where each organisation unit sits in the tree, from its parent alone: DHIS2 computes an
// org unit's level and path from the parent chain and ignores any `level` or `path` in an
// imported file (dhis2-core OrganisationUnit.getLevel / updatePath). Parents may come after
// their children in a document, so units are placed by walking up the chain, not in file order.

export interface Placement<N> {
  /** The unit's ancestors and itself, root first: level = length, path = their UIDs joined by '/'. */
  ancestry: ReadonlyMap<N, readonly N[]>;
  /** The units ordered parents before children (by depth, then as given): a topological order. */
  order: readonly N[];
  /** Units whose parent chain comes back to a unit of the chain (none of them can be placed). */
  inCycle: ReadonlySet<N>;
}

/**
 * Places `units` (and, along the way, every ancestor they reach) given each node's parent.
 * A unit whose chain runs into a cycle is reported in `inCycle` and left unplaced.
 */
export function placeUnits<N>(units: readonly N[], parentOf: (node: N) => N | null): Placement<N> {
  const ancestry = new Map<N, N[]>();
  const inCycle = new Set<N>();
  for (const unit of units) {
    if (ancestry.has(unit) || inCycle.has(unit)) continue;
    // Walk up until a placed node, a root, or a node already on this walk (a cycle).
    const walk: N[] = [];
    const onWalk = new Set<N>();
    let node: N | null = unit;
    let base: readonly N[] = [];
    let cyclic = false;
    while (node !== null) {
      const placed = ancestry.get(node);
      if (placed) {
        base = placed;
        break;
      }
      if (onWalk.has(node) || inCycle.has(node)) {
        cyclic = true;
        break;
      }
      onWalk.add(node);
      walk.push(node);
      node = parentOf(node);
    }
    if (cyclic) {
      for (const walked of walk) inCycle.add(walked);
      continue;
    }
    let chain = base;
    for (let i = walk.length - 1; i >= 0; i--) {
      const next = [...chain, walk[i]!];
      ancestry.set(walk[i]!, next);
      chain = next;
    }
  }
  const order = units
    .map((unit, position) => ({ unit, position, depth: ancestry.get(unit)?.length ?? Infinity }))
    .filter((entry) => entry.depth !== Infinity)
    .sort((a, b) => a.depth - b.depth || a.position - b.position)
    .map((entry) => entry.unit);
  return { ancestry, order, inCycle };
}

/**
 * True when the unit with this path is one of the roots or below one — a user's scope is the
 * subtrees of its roots. Paths are DHIS2's (`/uid/uid/…`), so a prefix must end at a `/`:
 * `/ML/ML01` is not below `/ML/ML0`.
 */
export function inSubtrees(path: string, rootPaths: readonly string[]): boolean {
  return rootPaths.some((root) => path === root || path.startsWith(`${root}/`));
}
