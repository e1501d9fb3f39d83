// UK postcodes: found in a text or read from a postcode field, upper-cased with one space ("sb1 4qt" -> "SB1 4QT").

const POSTCODE = '([A-Z]{1,2}\\d[A-Z\\d]?)\\s*(\\d[A-Z]{2})';
const IN_TEXT = new RegExp(`\\b${POSTCODE}\\b`, 'i');
const WHOLE = new RegExp(`^${POSTCODE}$`, 'i');

const spelled = (m: RegExpExecArray | null) => (m ? `${m[1]!.toUpperCase()} ${m[2]!.toUpperCase()}` : undefined);

/** The first UK postcode in a text ("zz1 7qp Get directions" -> "ZZ1 7QP"). */
export const findPostcode = (text: string | null | undefined): string | undefined => spelled(IN_TEXT.exec(text ?? ''));

/** A postcode field's value when it is a UK postcode and nothing else. */
export const postcodeOf = (value: string | null | undefined): string | undefined => spelled(WHOLE.exec(value?.trim() ?? ''));
