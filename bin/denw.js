#!/usr/bin/env -S node --max-semi-space-size=64
// Entry point of the `denw` command. Denw runs its TypeScript sources directly through tsx,
// so there is no separate build step for the server and the CLI.
//
// --max-semi-space-size=64 (MiB; also in package.json's start and bench scripts): an import
// makes a few short-lived objects per value, and V8's default young generation promotes
// whole batches to the old one; a larger one cut the importer's CPU for 1,000,000 values from
// about 4.9 s to 2.7 s (src/store/dataValues/README.md, "Throughput"). It must be given on
// the command line: V8 ignores it when set after start.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
