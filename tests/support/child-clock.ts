/**
 * Loaded with `--import` into a child process a test starts: the child's clock starts at
 * the test's clock (`GUICHET_TEST_CLOCK`, an ISO instant) and runs on in real time, so that
 * what the child records (a failed login, a backup's time) is judged against the same
 * clock by the test that reads it. Without the variable nothing changes.
 */
const start = process.env.GUICHET_TEST_CLOCK;

if (start) {
  const RealDate = Date;
  const offset = RealDate.parse(start) - RealDate.now();
  if (Number.isNaN(offset)) throw new Error(`GUICHET_TEST_CLOCK is not an instant: ${start}`);
  class TestDate extends RealDate {
    constructor(...args: [] | [string | number | Date]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(args[0]);
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = TestDate as DateConstructor;
}
