// The state of the last build as the builder records it in meta: complete, or started and never finished.

/** The state of the last build recorded in meta: complete, or started and never finished (killed, crashed). */
export interface BuildState {
  state: 'complete' | 'building' | 'unknown';
  started_at: string | null;
  pid: number | null;
}

export async function readBuildState(getMeta: (key: string) => Promise<string | undefined>): Promise<BuildState> {
  const state = await getMeta('build_state');
  const started = (await getMeta('build_started_at')) ?? null;
  const pid = Number(await getMeta('build_pid')) || null;
  return { state: state === 'building' || state === 'complete' ? state : 'unknown', started_at: started, pid };
}
