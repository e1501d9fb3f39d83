// Reads a PDF's text layer as pages of lines; a file that is not a PDF, is encrypted or has no text gets a clear error.
import { extractText, getDocumentProxy } from 'unpdf';
import { AppError, isAppError } from '../../src/domain/errors.js';

const REPORT_UNREADABLE = 'report_unreadable';

/** A report file that cannot be read or matched: an invalid input whose message begins with the file. */
export const reportReadError = (file: string, message: string, cause?: unknown) =>
  new AppError('invalid', `${file}: ${message}`, { field: file, code: REPORT_UNREADABLE, cause });

export const isReportReadError = (e: unknown): e is AppError => isAppError(e) && e.code === REPORT_UNREADABLE;

export interface PdfPages {
  /** Lines of text per page (page 1 first), trimmed, empty lines dropped. */
  pages: string[][];
}

const isPdf = (b: Uint8Array) => b.length > 5 && String.fromCharCode(...b.subarray(0, 5)) === '%PDF-';

export async function readPdfPages(bytes: Uint8Array, file: string): Promise<PdfPages> {
  if (!isPdf(bytes)) throw reportReadError(file, 'not a PDF (the file does not start with %PDF-)');
  let text: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    text = (await extractText(pdf, { mergePages: false })).text as string[];
  } catch (e) {
    const err = e as Error & { name?: string };
    if (err.name === 'PasswordException' || /password/i.test(err.message)) throw reportReadError(file, 'the PDF is encrypted (password protected): it cannot be read', e);
    throw reportReadError(file, `the PDF cannot be read: ${err.message}`, e);
  }
  const pages = text.map((t) =>
    t
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
  );
  if (!pages.some((p) => p.length)) throw reportReadError(file, 'the PDF has no text layer (a scanned image?): nothing to read');
  return { pages };
}
