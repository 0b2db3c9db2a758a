// Reads a citation file with citation-js and prints what it understood as CSL-JSON.
// Usage: node parse.mjs <file> <bibtex|ris|csl>
// Run by Testimonies.Tests (Citations/CitationParserTests); exits 1 when the file does not parse.
import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

const [file, format] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const forceType = { bibtex: '@biblatex/text', ris: '@ris/file', csl: '@csl/list+object' }[format];
if (!forceType) {
  console.error(`unknown format: ${format}`);
  process.exit(2);
}
try {
  const input = format === 'csl' ? JSON.parse(text) : text;
  const cite = await Cite.async(input, { forceType });
  process.stdout.write(JSON.stringify(cite.data));
} catch (error) {
  console.error(String(error));
  process.exit(1);
}
