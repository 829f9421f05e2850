/**
 * Runs a bench script: `main` in the parent process, or `reader` when the parent forked the script again with
 * the argument `reader` to measure one reader in a fresh process (peak RSS of its own).
 */
export function runBench(main: () => Promise<void>, reader: () => Promise<void>): void {
  if (process.argv[2] === 'reader') {
    reader().catch((error: unknown) => {
      console.error(error);
      // The client's keep-alive sockets would hold the process (and the parent waiting for it) open.
      process.exit(1);
    });
  } else {
    main().catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}
