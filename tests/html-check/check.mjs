// Validates every .html file of a folder with html-validate (the rules of .htmlvalidate.json beside this script).
// Usage: node check.mjs <folder>
// Run by Testimonies.Tests (Pages/HtmlValidateTests); prints one line per error and exits 1 when there is any.
// It uses html-validate's API rather than its CLI: the CLI needs fs.globSync (Node 22), Debian's Node is 20.
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';

const [folder] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
// The pages are written to a temporary folder, outside this one: the configuration is given, not looked up beside them.
const config = JSON.parse(readFileSync(join(here, '.htmlvalidate.json'), 'utf8'));
const validator = new HtmlValidate(new FileSystemConfigLoader(config));
let errors = 0;
for (const name of readdirSync(folder).filter(n => n.endsWith('.html')).sort()) {
  const report = await validator.validateFile(join(folder, name));
  for (const result of report.results) {
    for (const m of result.messages) {
      errors++;
      process.stdout.write(`${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message} [${m.selector ?? ''}]\n`);
    }
  }
}
process.exit(errors > 0 ? 1 : 0);
