/**
 * Starts the long test files first. On a fresh clone (CI) vitest has no timings yet and
 * orders files by size, so the drills (small files, 20-45 s each: they start real app
 * processes) started last and ran as a tail after every other file had finished.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONG_RUNNING = [/\/test\/(drills|cli)\//, /\/test\/(lifecycle|jobsSigterm)\.test\.ts$/];

export default class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isLong = (file: TestSpecification) => LONG_RUNNING.some((pattern) => pattern.test(file.moduleId));
    return [...sorted.filter(isLong), ...sorted.filter((file) => !isLong(file))];
  }
}
