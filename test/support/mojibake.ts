// Mojibake made on purpose: text written as UTF-8 and read back as windows-1252, the way misconfigured servers do.

/** windows-1252 for bytes 0x80-0x9F (Node's TextDecoder reads them as Latin-1); the five it leaves undefined stay C1 controls. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** UTF-8 read as windows-1252: "don’t" becomes "donâ€™t", "£5" becomes "Â£5". */
export const garble = (s: string): string =>
  [...new TextEncoder().encode(s)].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b))).join('');

/** Garbled as a system that drops what windows-1252 cannot show: "“quoted”" becomes "â€œquotedâ€". */
export const garbleLosingBytes = (s: string): string => garble(s).replace(/[\u0081\u008D\u008F\u0090\u009D]/g, '');
