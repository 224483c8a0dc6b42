// Tools that map 'cdktf-mx' to lib/ (tsconfig `paths`, as adoption's generated-app tests do)
// compile our sources inside their own program, which need not load jest's types. The matcher
// augmentation of the `expect` module (lib/testing/jest.ts) must still compile there: TS2664
// "Invalid module name in augmentation" otherwise.
import { join } from 'node:path';
import * as ts from 'typescript';

test('lib/index.ts compiles strictly in a program without jest types', () => {
  const root = join(__dirname, '..', '..');
  const program = ts.createProgram([join(root, 'lib', 'index.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ['node'],
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(problems).toEqual([]);
});
