import { readFileSync } from 'node:fs';

/** The parts of a V8 `.cpuprofile` (node --cpu-prof) that a summary needs. */
interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

interface Row {
  name: string;
  selfMs: number;
  totalMs: number;
}

/** Where a script belongs: an npm package, a file of ours, or node itself. */
function ownerOf(url: string): string {
  if (!url) {
    return '(native / GC / idle)';
  }
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) {
    return packageMatch[1]!;
  }
  if (url.startsWith('node:')) {
    return 'node internals';
  }
  const ours = /\/(src|bench|test)\/(.*)$/.exec(url);
  return ours ? `${ours[1]}/${ours[2]}` : url;
}

/**
 * Self and total time by function and by package, from a profile that `BENCH_PROFILE=dir
 * npm run bench` wrote. Total time counts a frame once per sample even when it recurses.
 */
export function summarize(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parentOf.set(child, node.id);
    }
  }
  // Loading modules (ts-node compiling them) is start-up, not serving: those samples are left out.
  const isLoading = (id: number) => {
    for (let current: number | undefined = id; current !== undefined; current = parentOf.get(current)) {
      if (byId.get(current)!.callFrame.functionName === 'Module._load') {
        return true;
      }
    }
    return false;
  };
  const selfByNode = new Map<number, number>();
  let loadingMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (isLoading(id)) {
      loadingMs += ms;
    } else {
      selfByNode.set(id, (selfByNode.get(id) ?? 0) + ms);
    }
  });

  const functions = new Map<string, Row>();
  const owners = new Map<string, Row>();
  const add = (map: Map<string, Row>, name: string, self: number, total: number) => {
    const row = map.get(name) ?? { name, selfMs: 0, totalMs: 0 };
    row.selfMs += self;
    row.totalMs += total;
    map.set(name, row);
  };
  let allMs = 0;
  let idleMs = 0;
  for (const [id, ms] of selfByNode) {
    allMs += ms;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    const seenFunctions = new Set<string>();
    const seenOwners = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parentOf.get(current)) {
      const frame = byId.get(current)!.callFrame;
      const fn = `${frame.functionName || '(anonymous)'} ${ownerOf(frame.url)}:${frame.lineNumber + 1}`;
      const owner = ownerOf(frame.url);
      const self = current === id ? ms : 0;
      if (!seenFunctions.has(fn)) {
        seenFunctions.add(fn);
        add(functions, fn, self, ms);
      } else if (self) {
        add(functions, fn, self, 0);
      }
      if (!seenOwners.has(owner)) {
        seenOwners.add(owner);
        add(owners, owner, self, ms);
      } else if (self) {
        add(owners, owner, self, 0);
      }
    }
  }
  const busyMs = allMs - idleMs;
  const pct = (ms: number) => `${((100 * ms) / busyMs).toFixed(1).padStart(5)}%`;
  const table = (title: string, rows: Row[]) =>
    [
      `${title} (self, total; % of ${Math.round(busyMs)} ms busy)`,
      ...rows.slice(0, top).map((r) => `  ${pct(r.selfMs)} ${pct(r.totalMs)}  ${r.name}`),
    ].join('\n');
  return [
    `profile: ${Math.round(allMs)} ms, of which idle ${Math.round(idleMs)} ms; ` +
      `${Math.round(loadingMs)} ms loading modules left out`,
    table(
      'by package or file',
      [...owners.values()].sort((a, b) => b.selfMs - a.selfMs),
    ),
    table(
      'by function, self time',
      [...functions.values()].sort((a, b) => b.selfMs - a.selfMs),
    ),
    table(
      'by function, total time',
      [...functions.values()].sort((a, b) => b.totalMs - a.totalMs),
    ),
  ].join('\n\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: ts-node --transpile-only bench/profile.ts <file.cpuprofile> [rows]');
    process.exit(2);
  }
  console.log(summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(top ?? 25)));
}
