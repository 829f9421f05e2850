/**
 * Code samples of the Markdown documents, made into files that type-check as users would paste them: a
 * sample's imports on top, the rest inside an async function (the samples use `await` at the top level).
 */

/** The bodies of the fenced blocks of `language` (```ts, ```js) in `markdown`, in document order. */
export function codeBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  const fence = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm');
  for (let m = fence.exec(markdown); m; m = fence.exec(markdown)) blocks.push(m[1]);
  return blocks;
}

/** One sample as a module: its imports, then `preamble` (names it leaves to the reader), then its body. */
export function sampleModule(block: string, preamble: string, name: string): string {
  const lines = block.split('\n');
  const imports = lines.filter((l) => l.startsWith('import '));
  const body = lines.filter((l) => !l.startsWith('import '));
  return [
    ...imports,
    preamble,
    `export async function ${name}(): Promise<void> {`,
    ...body.map((l) => `  ${l}`),
    '}',
    '',
  ].join('\n');
}
