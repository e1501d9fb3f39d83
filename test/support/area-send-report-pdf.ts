// A small area SEND report PDF written for tests: the first page's header as Ofsted sets it out, for any area name.
import { PDFDocument, StandardFonts } from 'pdf-lib';

export async function syntheticReportPdf(area: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = [
    [
      `Area SEND inspection of ${area} Local Area Partnership`,
      'Inspection dates: 9 to 13 December 2024',
      'Dates of previous inspection: 3 to 7 July 2019',
      'Inspection outcome',
      'The local area partnership’s special educational needs and/or disabilities (SEND) arrangements',
      'typically lead to positive experiences and outcomes for children and young people with SEND.',
      'The next full area SEND inspection will be within approximately five years.',
    ],
    [
      'Information about the local area partnership',
      'Areas for improvement',
      'There are not enough short breaks for children and young people with complex needs, and families wait too long for them.',
    ],
  ];
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 40, y: 800 - i * 20, size: 9, font }));
  }
  return doc.save();
}
