#!/usr/bin/env node
// Entry point of the `denw` command. Denw runs its TypeScript sources directly through tsx,
// so there is no separate build step for the server and the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
