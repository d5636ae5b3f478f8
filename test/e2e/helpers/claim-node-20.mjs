// Preloaded by readme-commands.test.ts: this Node says it is 20.18.0, as a user's older Node would.
Object.defineProperty(process.versions, 'node', { value: '20.18.0' });
Object.defineProperty(process, 'version', { value: 'v20.18.0' });
