#!/usr/bin/env node
// The `guichet` admin command: the same TypeScript as `npm run guichet`, run through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/index.ts');
