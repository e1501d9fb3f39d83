// Pack themes: which cells of the type x time-slot grid, and which access questions, a workshop looks at.
export const THEMES = ['all', 'holidays', 'overnight', 'access'] as const;
import { invalid } from '../domain/errors.js';
export type Theme = (typeof THEMES)[number];

export interface ThemeDef {
  code: Theme;
  label: string;
  /** The question the workshop is asked to answer, in the cover's words. */
  question: string;
  types: readonly string[] | 'all';
  slots: readonly string[] | 'all';
  /** Whether options about gates, tiers and charges belong to the theme. */
  access_options: boolean;
}

export const THEME_DEFS: Record<Theme, ThemeDef> = {
  all: {
    code: 'all',
    label: 'The whole short breaks offer',
    question: 'Which changes to the short breaks offer should go forward to a short list for detailed appraisal?',
    types: 'all',
    slots: 'all',
    access_options: true,
  },
  holidays: {
    code: 'holidays',
    label: 'School holidays',
    question: 'Which changes to short breaks in the school holidays should go forward to a short list for detailed appraisal?',
    types: ['holiday_play_scheme', 'residential_trip', 'sport_arts_leisure_inclusion', 'community_activity_grant'],
    slots: ['school_holiday'],
    access_options: false,
  },
  overnight: {
    code: 'overnight',
    label: 'Overnight breaks',
    question: 'Which changes to overnight short breaks should go forward to a short list for detailed appraisal?',
    types: ['overnight_residential_unit', 'family_based_short_break', 'residential_trip', 'home_based_care'],
    slots: ['overnight'],
    access_options: false,
  },
  access: {
    code: 'access',
    label: 'How families get short breaks',
    question: 'Which changes to how families reach short breaks (gates, tiers, charges, self-directed support) should go forward to a short list?',
    types: ['direct_payment', 'short_break_grant', 'community_activity_grant', 'transport_inclusion_support'],
    slots: [],
    access_options: true,
  },
};


export function parseTheme(text: string | undefined): ThemeDef {
  const t = (text ?? 'all').trim().toLowerCase();
  if (!(THEMES as readonly string[]).includes(t)) throw invalid('theme', `theme: unknown theme "${text}" (use ${THEMES.join(', ')})`);
  return THEME_DEFS[t as Theme];
}

/** A grid cell belongs to a theme when its type or its time slot is one the theme names. */
export function cellInTheme(theme: ThemeDef, type: string, slot: string): boolean {
  if (theme.types === 'all' || theme.slots === 'all') return true;
  return theme.types.includes(type) || theme.slots.includes(slot);
}
