// RFC 4180 CSV, as Letterboxd and IMDb export it: quoted fields, doubled quotes, CRLF or LF,
// line breaks inside quotes, an optional byte-order mark.

/** Parses CSV text into records of fields; stops early (returns what it has) past `maxRecords`. */
export function parseCsv(text: string, maxRecords = Infinity): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    record.push(field);
    field = '';
    // A blank line is no record.
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      if (records.length > maxRecords) return records;
    } else field += c;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

/**
 * One CSV field. Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading
 * apostrophe: an export opened in Excel must not execute what a user typed (CSV injection).
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (fields: (string | number | boolean | null | undefined)[]) => fields.map(csvField).join(',');
