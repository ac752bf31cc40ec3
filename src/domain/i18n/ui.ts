/** Labels for screens. Part of the one label table (see index.ts). */
export const UI_LABELS = {
  'app.name': ['减负工作平台', 'Jianfu burden-reduction platform'],
} as const satisfies Record<string, readonly [string, string]>;
