// Reads a citation file with citation-js and prints what it understood as CSL-JSON, or with --apa the reference
// citeproc-js renders from it in citation-js's APA template (the date and the series number as a reader sees them).
// Usage: node parse.mjs <file> <bibtex|bibtex-classic|ris|csl> [--apa]
// bibtex reads the file as biblatex (as citation-js does by default), bibtex-classic as classic BibTeX (year and month,
// no date field), as older reference managers and bibtex itself read it.
// Run by Testimonies.Tests (Citations/CitationDownloadTests); exits 1 when the file does not parse.
import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

const [file, format, output] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const forceType =
  { bibtex: '@biblatex/text', 'bibtex-classic': '@bibtex/text', ris: '@ris/file', csl: '@csl/list+object' }[format];
if (!forceType) {
  console.error(`unknown format: ${format}`);
  process.exit(2);
}
try {
  const input = format === 'csl' ? JSON.parse(text) : text;
  const cite = await Cite.async(input, { forceType });
  process.stdout.write(output === '--apa'
    ? cite.format('bibliography', { template: 'apa', format: 'text', lang: 'en-US' })
    : JSON.stringify(cite.data));
} catch (error) {
  console.error(String(error));
  process.exit(1);
}
