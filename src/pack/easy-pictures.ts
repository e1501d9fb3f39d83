// A drawn picture for each easy-read idea (inline SVG, no fonts or files), chosen from the option's kind and
// times, with a text alternative in its <title> that says what the picture shows.
import type { PackOption } from './options.js';

const INK = 'stroke="#1a1a1a" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"';

const person = (x: number, y: number, s = 1, fill = '#9cc3e6') =>
  `<circle cx="${x}" cy="${y}" r="${5 * s}" fill="#ffd9b3" ${INK}/><path d="M${x} ${y + 5 * s} v${14 * s} M${x - 7 * s} ${y + 10 * s} h${14 * s} M${x} ${y + 19 * s} l-${6 * s} ${10 * s} M${x} ${y + 19 * s} l${6 * s} ${10 * s}" fill="none" ${INK}/><rect x="${x - 4 * s}" y="${y + 7 * s}" width="${8 * s}" height="${10 * s}" fill="${fill}" stroke="none" opacity="0.8"/>`;
const house = (fill = '#f6e3b4') => `<path d="M14 48 L48 20 L82 48 V84 H14 Z" fill="${fill}" ${INK}/><rect x="40" y="62" width="16" height="22" fill="#c98b4f" ${INK}/>`;
const moon = '<path d="M78 8 a10 10 0 1 0 10 14 a8 8 0 1 1 -10 -14 Z" fill="#fff2a8" stroke="#1a1a1a" stroke-width="2"/>';
const sun = '<circle cx="80" cy="14" r="7" fill="#ffcf33" stroke="#1a1a1a" stroke-width="2"/><path d="M80 2 v4 M80 22 v4 M68 14 h4 M88 14 h4" stroke="#1a1a1a" stroke-width="2"/>';
const ball = (x: number, y: number) => `<circle cx="${x}" cy="${y}" r="7" fill="#e85d5d" ${INK}/>`;
const coin = (x: number, y: number) => `<circle cx="${x}" cy="${y}" r="16" fill="#ffcf33" ${INK}/><path d="M${x + 5} ${y - 7} a5 5 0 0 0 -9 2 v11 h10 M${x - 8} ${y + 1} h10" fill="none" ${INK}/>`;
const bus = '<rect x="10" y="38" width="70" height="32" rx="6" fill="#8fd19e" stroke="#1a1a1a" stroke-width="2.5"/><rect x="16" y="44" width="14" height="10" fill="#fff" stroke="#1a1a1a" stroke-width="2"/><rect x="36" y="44" width="14" height="10" fill="#fff" stroke="#1a1a1a" stroke-width="2"/><rect x="56" y="44" width="14" height="10" fill="#fff" stroke="#1a1a1a" stroke-width="2"/><circle cx="26" cy="72" r="6" fill="#4a4a4a"/><circle cx="64" cy="72" r="6" fill="#4a4a4a"/>';
const tent = '<path d="M12 84 L46 30 L80 84 Z" fill="#f0a35e" stroke="#1a1a1a" stroke-width="2.5" stroke-linejoin="round"/><path d="M46 30 L46 84 M46 84 L36 84 L46 60 L56 84" fill="#7a4a1c" stroke="#1a1a1a" stroke-width="2"/>';
const bed = '<rect x="26" y="62" width="44" height="12" fill="#b9d7f0" stroke="#1a1a1a" stroke-width="2"/><rect x="28" y="56" width="12" height="7" rx="2" fill="#fff" stroke="#1a1a1a" stroke-width="2"/>';
const door = '<rect x="30" y="14" width="36" height="70" fill="#c98b4f" stroke="#1a1a1a" stroke-width="2.5"/><path d="M30 14 L50 22 V92 L30 84 Z" fill="#e6b887" stroke="#1a1a1a" stroke-width="2.5"/>';

interface Picture {
  alt: string;
  art: string;
}

/** What a picture is chosen from: an option's kind, its time slots and its title. */
export type PictureOf = Pick<PackOption, 'type' | 'cells' | 'title' | 'when'>;

function pictureFor(o: PictureOf): Picture {
  const night = o.cells.some((c) => c.key.endsWith('|overnight'));
  const sky = night ? moon : sun;
  switch (o.type) {
    case 'overnight_residential_unit':
      return night ? { alt: 'a short break home at night, with a bed', art: house() + bed + moon } : { alt: 'a short break home in the daytime', art: house() + person(48, 58, 0.7) + sun };
    case 'family_based_short_break':
      return { alt: `a family home with a grown-up and a child${night ? ', at night' : ''}`, art: house() + person(28, 54, 0.8) + person(68, 60, 0.6, '#f5a3a3') + sky };
    case 'home_based_care':
      return { alt: 'someone visiting a child at home', art: house() + person(28, 56, 0.8) + person(68, 60, 0.6, '#f5a3a3') + sky };
    case 'residential_trip':
      return { alt: 'a tent for a trip away, at night', art: tent + moon };
    case 'direct_payment':
    case 'short_break_grant':
    case 'community_activity_grant':
      return { alt: 'a pound coin and a person choosing', art: coin(30, 50) + person(66, 34, 1.1) };
    case 'transport_inclusion_support':
      return { alt: 'a minibus to take you to activities', art: bus };
    case 'buddy_befriending':
      return { alt: 'two friends going out together', art: person(34, 30, 1.2) + person(62, 30, 1.2, '#f5a3a3') + '<path d="M42 46 h12" stroke="#1a1a1a" stroke-width="2.5"/>' + sun };
    case 'sport_arts_leisure_inclusion':
      return { alt: 'a young person playing with a ball', art: person(36, 26, 1.3) + ball(66, 70) + sky };
    case null:
      return o.title.toLowerCase().includes('charge') ? { alt: 'a pound coin getting smaller', art: coin(34, 46) + '<path d="M66 30 v34 M56 54 l10 12 l10 -12" fill="none" ' + INK + '/>' } : { alt: 'an open door', art: door };
    default:
      return { alt: `children at a club or play scheme${o.when ? `, ${o.when}` : ''}`, art: person(28, 28, 1.1) + person(56, 34, 0.9, '#f5a3a3') + ball(78, 76) + sky };
  }
}

/** The picture of one idea as an SVG image whose <title> (its text alternative) says what it shows. */
export function ideaPicture(o: PictureOf, id: string): string {
  const p = pictureFor(o);
  return `<svg class="pic" role="img" aria-labelledby="${id}" viewBox="0 0 96 96" width="96" height="96"><title id="${id}">Picture: ${p.alt}</title><rect x="1" y="1" width="94" height="94" rx="10" fill="#eef4fa" stroke="#0b4f8a" stroke-width="2"/>${p.art}</svg>`;
}
